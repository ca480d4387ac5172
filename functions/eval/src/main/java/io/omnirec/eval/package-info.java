/**
 * The evaluation and benchmark tool, {@code functions/eval/omnirec-eval}: runs the production import, ingest,
 * aggregate, training and recommend code on in-memory stores and reports ranking quality beside baselines and
 * published results.
 */
package io.omnirec.eval;
