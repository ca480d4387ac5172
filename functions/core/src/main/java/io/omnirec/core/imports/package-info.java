/**
 * Bulk imports of CSV files exported from POS and web shop: streamed, validated row by row, good rows upserted in
 * batches, rejected rows reported with their line number and reason.
 */
package io.omnirec.core.imports;
