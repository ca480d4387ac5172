/**
 * Shopper and item features: the real-time state that every accepted event updates, and the snapshot the ranker
 * reads. The same {@link io.omnirec.core.features.InteractionUpdate} is applied by ingest (to a store) and by
 * training (replaying history), so serving and training see identical features.
 */
package io.omnirec.core.features;
