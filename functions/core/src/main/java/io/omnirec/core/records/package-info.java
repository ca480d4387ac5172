/**
 * Shopper profiles and catalog items kept one at a time over the API (the same fields and checks as the CSV imports),
 * and erasing a shopper everywhere.
 */
package io.omnirec.core.records;
