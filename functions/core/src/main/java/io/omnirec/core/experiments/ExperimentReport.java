package io.omnirec.core.experiments;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the variants of an experiment did: per variant the answers served and the share that got a click (CTR), an add
 * to cart and a purchase (conversion), the responses per position; and for each rate a two-sided two-proportion
 * z-test of challenger against champion (pooled standard error). {@code z} and {@code pValue} are {@code null} while a
 * variant has no answers or neither got a response.
 */
public record ExperimentReport(String experimentId, String champion, String challenger, double share,
                               Instant startedAt, List<VariantReport> variants, List<Comparison> comparisons) {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    public ExperimentReport {
        variants = List.copyOf(variants);
        comparisons = List.copyOf(comparisons);
    }

    /** One variant's figures. */
    public record VariantReport(String variant, String modelVersion, long impressions, long clicked, double ctr,
                                long carted, double addToCartRate, long purchased, double conversion,
                                List<VariantTally.PositionTally> positions) {
    }

    /** Challenger against champion on one rate. */
    public record Comparison(String metric, double champion, double challenger, Double lift, Double z, Double pValue) {
    }

    /** The report for {@code experiment} from its variants' tallies (a missing variant has served nothing yet). */
    public static ExperimentReport of(Experiment experiment, Map<String, VariantTally> tallies) {
        VariantTally champion = tallies.getOrDefault(Experiment.CHAMPION, VariantTally.empty(Experiment.CHAMPION));
        VariantTally challenger = tallies.getOrDefault(Experiment.CHALLENGER,
                VariantTally.empty(Experiment.CHALLENGER));
        return new ExperimentReport(experiment.id(), experiment.champion(), experiment.challenger(), experiment.share(),
                experiment.startedAt(), List.of(variant(experiment, champion), variant(experiment, challenger)),
                List.of(compare("ctr", champion.clicked(), champion.impressions(), challenger.clicked(),
                                challenger.impressions()),
                        compare("add_to_cart", champion.carted(), champion.impressions(), challenger.carted(),
                                challenger.impressions()),
                        compare("conversion", champion.purchased(), champion.impressions(), challenger.purchased(),
                                challenger.impressions())));
    }

    private static VariantReport variant(Experiment experiment, VariantTally tally) {
        return new VariantReport(tally.variant(), experiment.versionOf(tally.variant()), tally.impressions(),
                tally.clicked(), rate(tally.clicked(), tally.impressions()), tally.carted(),
                rate(tally.carted(), tally.impressions()), tally.purchased(),
                rate(tally.purchased(), tally.impressions()), tally.positions());
    }

    /** Two-proportion z-test of {@code x2/n2} (challenger) against {@code x1/n1} (champion). */
    static Comparison compare(String metric, long x1, long n1, long x2, long n2) {
        double p1 = rate(x1, n1);
        double p2 = rate(x2, n2);
        Double lift = p1 > 0 ? p2 / p1 - 1 : null;
        if (n1 == 0 || n2 == 0) {
            return new Comparison(metric, p1, p2, lift, null, null);
        }
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) {
            return new Comparison(metric, p1, p2, lift, null, null);
        }
        double z = (p2 - p1) / se;
        return new Comparison(metric, p1, p2, lift, z, 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    private static double rate(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }
}
