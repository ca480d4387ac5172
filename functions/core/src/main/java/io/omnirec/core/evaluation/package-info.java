/**
 * Offline evaluation: top-k ranking metrics with binary relevance (defined as in the Microsoft Recommenders
 * benchmark, see the README), averaged over shoppers with confidence intervals, plus coverage and diversity.
 */
package io.omnirec.core.evaluation;
