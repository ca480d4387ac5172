/** Turning a shopper's state and a candidate pool into a ranked, filtered, explained list. */
package io.omnirec.core.ranking;
