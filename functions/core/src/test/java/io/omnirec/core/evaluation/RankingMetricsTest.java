package io.omnirec.core.evaluation;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RankingMetricsTest {

    @Test
    void metrics_shouldMatchHandComputedValues_whenListHasTwoHitsOfThree() {
        List<String> ranked = List.of("a", "x", "b", "y");
        Set<String> relevant = Set.of("a", "b", "c");
        assertEquals(0.2, RankingMetrics.precision(ranked, relevant, 10), 1e-12);
        assertEquals(2.0 / 3, RankingMetrics.recall(ranked, relevant, 10), 1e-12);
        // hits at ranks 1 and 3: (1/1 + 2/3) divided by all 3 relevant items
        assertEquals((1 + 2.0 / 3) / 3, RankingMetrics.averagePrecision(ranked, relevant, 10), 1e-12);
        double dcg = 1 + 1 / (Math.log(4) / Math.log(2));
        double ideal = 1 + 1 / (Math.log(3) / Math.log(2)) + 1 / (Math.log(4) / Math.log(2));
        assertEquals(dcg / ideal, RankingMetrics.ndcg(ranked, relevant, 10), 1e-12);
        assertEquals(1.0, RankingMetrics.reciprocalRank(ranked, relevant, 10), 1e-12);
        assertEquals(0.0, RankingMetrics.ndcg(List.of("x"), Set.of(), 10), 0.0);
    }

    @Test
    void report_shouldAverageOverShoppersAndCountCoverage_whenTwoListsAreAdded() {
        MetricsReport report = new MetricsReport(2);
        report.add(List.of("a", "b"), Set.of("a"), (x, y) -> 1.0);
        report.add(List.of("c", "b"), Set.of("z"), (x, y) -> 0.0);
        assertEquals(2, report.shoppers());
        assertEquals(0.25, report.mean("precision"), 1e-12);
        assertEquals(0.5, report.mean("hit_rate"), 1e-12);
        assertEquals(0.5, report.diversity(), 1e-12);
        assertEquals(3.0 / 6, report.coverage(6), 1e-12);
        assertEquals(0.5, MetricsReport.pairedDifference(List.of(1.0, 0.0), List.of(0.5, -0.5))[0], 1e-12);
    }
}
