/**
 * Candidate generation, the first stage of recommend: named {@link io.omnirec.core.candidates.CandidateSource}s
 * (item-to-item co-occurrence, EASE, content similarity, popularity, segment and store popularity, trending, new
 * arrivals) each propose scored items for a shopper; {@link io.omnirec.core.candidates.CandidateGenerator} merges
 * them into one pool that remembers each source's score and rank, the raw material of the ranker's features.
 */
package io.omnirec.core.candidates;
