/**
 * In-memory implementations of the storage ports: for fast unit tests of the core and for the offline evaluation
 * tool, which runs the production import, ingest, aggregate, training and recommend code on one machine. The
 * functions never use them.
 */
package io.omnirec.core.store.memory;
