package io.omnirec.core.ranking;

import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CascadeScorerTest {

    private static List<Integer> order(double[] scores) {
        return IntStream.range(0, scores.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -scores[i])).toList();
    }

    private static boolean[] all(int n) {
        boolean[] shown = new boolean[n];
        java.util.Arrays.fill(shown, true);
        return shown;
    }

    @Test
    void headFirst_shouldTakeTheHeadAmongTheCandidatesThatMayBeShown() {
        double[] model = {0.9, 0.1, 0.5, 0.3, 0.8};
        double[] chain = {0.0, 9.5, 9.2, 8.7, 1.5};
        boolean[] shown = {true, false, true, true, true}; // candidate 1, the chain's first, is a bought durable

        assertEquals(List.of(4, 2, 3, 0, 1), order(CascadeScorer.headFirst(model, chain, shown, 3)),
                "the head is the chain's best three that may be shown (2, 3, 4), in the model's order");
    }

    @Test
    void headFirst_shouldLetTheModelOrderTheChainsHeadAndPutTheRestAfter() {
        double[] model = {0.9, 0.1, 0.5, 0.3, 0.8};
        double[] chain = {0.0, 9.5, 9.2, 8.7, 1.5};

        double[] scores = CascadeScorer.headFirst(model, chain, all(model.length), 3);

        assertEquals(List.of(2, 3, 1, 0, 4), order(scores),
                "the chain's three best (1, 2, 3) in the model's order, then the others in the model's order");
        assertEquals(1.5, scores[2], 1e-12, "a head candidate's probability is lifted by 1");
    }

    @Test
    void headFirst_shouldNeverLiftACandidateTheChainDidNotPropose_andLeaveScoresAloneAtDepthZero() {
        double[] model = {0.2, 0.7};
        double[] chain = {0.0, 4.0};

        assertEquals(List.of(1, 0), order(CascadeScorer.headFirst(model, chain, all(model.length), 5)));
        assertEquals(0.2, CascadeScorer.headFirst(model, chain, all(model.length), 5)[0], 1e-12);
        assertArrayEquals(model, CascadeScorer.headFirst(model, chain, all(model.length), 0));
    }
}
