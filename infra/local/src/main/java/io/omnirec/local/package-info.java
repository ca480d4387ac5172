/**
 * Omnirec on one machine: the AWS emulators, a Lambda Runtime API per function running the functions' packaged jars,
 * an API Gateway (HTTP API, payload 2.0) in front of ingest and recommend, and the end-to-end run.
 */
package io.omnirec.local;
