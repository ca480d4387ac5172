/** The retail domain: shoppers, catalog items and the events shoppers cause in every channel. */
package io.omnirec.core.domain;
