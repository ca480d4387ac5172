/**
 * Accepting shopper events: parse and bound the request, validate each event, store it once, update the shopper's
 * real-time features, and report each event's fate.
 */
package io.omnirec.core.ingest;
