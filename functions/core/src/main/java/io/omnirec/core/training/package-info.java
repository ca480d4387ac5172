/**
 * Training: replay the event history up to time cutoffs into features, label what shoppers bought after them, train
 * a seeded Tribuo ranker (pairwise logistic or a factorization machine), evaluate it against every single candidate
 * source and the current champion on held-out shoppers, write an immutable version with its card, and promote it
 * when it beats the best single source beyond the noise and is not below the champion.
 */
package io.omnirec.core.training;
