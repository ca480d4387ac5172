package io.omnirec.core.experiments;

import java.util.List;

/**
 * What one variant's answers got: how many were served, how many got at least one click, cart or purchase, and the
 * responses per position.
 *
 * @param positions one entry per position that got a response, position 1 first
 */
public record VariantTally(String variant, long impressions, long clicked, long carted, long purchased,
                           List<PositionTally> positions) {
    public VariantTally {
        positions = List.copyOf(positions);
    }

    public static VariantTally empty(String variant) {
        return new VariantTally(variant, 0, 0, 0, 0, List.of());
    }

    /** The responses to the items shown at one position. */
    public record PositionTally(int position, long clicks, long carts, long purchases) {
    }
}
