/**
 * Training: replay the event history up to a time cutoff into features, label what shoppers bought after it, train
 * a seeded Tribuo logistic model, evaluate it against popularity and the current champion on held-out shoppers,
 * write an immutable version with its card and promote it when it is not worse.
 */
package io.omnirec.core.training;
