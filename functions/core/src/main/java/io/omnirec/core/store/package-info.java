/**
 * The storage ports of the core. Each has an in-memory implementation for unit tests; the AWS module implements them
 * on DynamoDB and S3. None of them needs multi-item transactions: every write is a single-item conditional or
 * additive write.
 */
package io.omnirec.core.store;
