package io.omnirec.core.aggregates;

/**
 * Settings of the aggregate build. Defaults were chosen on validation splits carved from training data (see the
 * README's evaluation section), never on test rows.
 *
 * @param neighbours            neighbours kept per item in each neighbour index
 * @param listSize              items kept in each ranked list (popular, trending, new, per segment, per store)
 * @param maxHistory            most recent distinct items per shopper that enter co-occurrence and EASE
 * @param cooccurrenceWindowDays two items count as co-occurring when the shopper touched both within this window
 * @param cooccurrenceHalfLifeDays co-counts decay with the age of the pair
 * @param similarity            {@code cosine}, {@code jaccard} or {@code lift}: how co-counts are normalised
 * @param rp3Alpha              RP3beta's exponent on shopper and item degrees of the walk
 * @param rp3Beta               RP3beta's popularity penalty on the target item
 * @param easeMaxItems          EASE is solved over at most this many of the most-bought items (a dense solve)
 * @param easeLambda            EASE's L2 regularisation, the same for every item
 * @param easePopularityPenalty EASE's regularisation of each item grows by this multiple of the item's shoppers (the
 *                              dropout-derived penalty of Steck's DLAE, NeurIPS 2020: dropout p gives p / (1 - p)); 0 is
 *                              plain EASE
 * @param easeNeighbours        EASE weights kept per item, the strongest by magnitude: EASE's negative weights matter
 *                              (on the MovieLens validation split, 200 positive weights reach 97.6% of the dense
 *                              model's nDCG@10, 500 by magnitude 99.7%)
 * @param heatHalfLifeDays      half-life of "sales heat"
 * @param trendHalfLifeDays     half-life of the short-term heat that trending compares with it
 * @param newArrivalDays        items first seen within this many days are new arrivals
 * @param contentNeighbours     content-similar neighbours kept per item
 */
public record AggregateConfig(int neighbours, int listSize, int maxHistory, double cooccurrenceWindowDays,
                              double cooccurrenceHalfLifeDays, String similarity, double rp3Alpha, double rp3Beta,
                              int easeMaxItems, double easeLambda, double easePopularityPenalty, int easeNeighbours, double heatHalfLifeDays, double trendHalfLifeDays,
                              double newArrivalDays, int contentNeighbours) {

    /** EASE's regularisation common to every item, chosen with {@code movielens --validation}. */
    public static final double DEFAULT_EASE_LAMBDA = 300;
    /** EASE's regularisation per shopper of an item, chosen with {@code movielens --validation}. */
    public static final double DEFAULT_EASE_PENALTY = 4;

    public static AggregateConfig defaults() {
        return new AggregateConfig(200, 200, 500, 3650, 3650, "cosine", 0.8, 0.3, 2500, DEFAULT_EASE_LAMBDA, DEFAULT_EASE_PENALTY, 500, 30, 7, 30, 30);
    }

    public AggregateConfig {
        if (neighbours < 1 || listSize < 1 || maxHistory < 2 || cooccurrenceWindowDays <= 0
                || cooccurrenceHalfLifeDays <= 0 || easeMaxItems < 0 || easeLambda <= 0 || easePopularityPenalty < 0
                || easeNeighbours < 1 || heatHalfLifeDays <= 0
                || trendHalfLifeDays <= 0 || newArrivalDays < 0 || contentNeighbours < 0 || rp3Alpha < 0 || rp3Beta < 0
                || !java.util.List.of("cosine", "jaccard", "lift").contains(similarity)) {
            throw new IllegalArgumentException("invalid aggregate config");
        }
    }

    public AggregateConfig withEase(int maxItems, double lambda, double popularityPenalty, int kept) {
        return new AggregateConfig(neighbours, listSize, maxHistory, cooccurrenceWindowDays,
                cooccurrenceHalfLifeDays, similarity, rp3Alpha, rp3Beta, maxItems, lambda, popularityPenalty, kept,
                heatHalfLifeDays,
                trendHalfLifeDays, newArrivalDays, contentNeighbours);
    }

    public AggregateConfig withRp3(double alpha, double beta) {
        return new AggregateConfig(neighbours, listSize, maxHistory, cooccurrenceWindowDays,
                cooccurrenceHalfLifeDays, similarity, alpha, beta, easeMaxItems, easeLambda, easePopularityPenalty, easeNeighbours, heatHalfLifeDays,
                trendHalfLifeDays, newArrivalDays, contentNeighbours);
    }

    public AggregateConfig withNeighbours(int count) {
        return new AggregateConfig(count, listSize, maxHistory, cooccurrenceWindowDays, cooccurrenceHalfLifeDays,
                similarity, rp3Alpha, rp3Beta, easeMaxItems, easeLambda, easePopularityPenalty, easeNeighbours, heatHalfLifeDays, trendHalfLifeDays,
                newArrivalDays, contentNeighbours);
    }
}
