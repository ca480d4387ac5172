/**
 * A seeded generator of retail data with planted structure (segment and shopper category tastes, favourite brands,
 * items bought together), written in the formats the import and ingest paths read.
 */
package io.omnirec.core.synthetic;
