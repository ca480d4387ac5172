/**
 * Attribution and champion/challenger experiments: every answer is kept as an {@link
 * io.omnirec.core.experiments.Impression}, events that carry its recommendation id are credited to it by position,
 * and a running {@link io.omnirec.core.experiments.Experiment} sends a stable share of shoppers to the challenger
 * model; {@link io.omnirec.core.experiments.ExperimentReport} compares the variants.
 */
package io.omnirec.core.experiments;
