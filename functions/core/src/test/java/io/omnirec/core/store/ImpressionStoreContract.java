package io.omnirec.core.store;

import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.experiments.Attribution;
import io.omnirec.core.experiments.Experiment;
import io.omnirec.core.experiments.Impression;
import io.omnirec.core.experiments.VariantTally;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What every {@link ImpressionStore} must do; run against each implementation. Each test gets an empty store. */
public abstract class ImpressionStoreContract {
    static final Instant AT = Instant.parse("2026-11-30T06:00:00Z");

    protected abstract ImpressionStore newStore();

    static ShopperEvent response(String id, String recommendationId, String item, EventType type) {
        return new ShopperEvent(id, "u1", item, type, AT.plusSeconds(60), Channel.WEB, null, null, recommendationId);
    }

    @Test
    void credit_shouldCountEachResponseAtItsPosition_andTallyThemPerVariant() {
        ImpressionStore store = newStore();
        store.record(new Impression("r1", "u1", "exp-1", Experiment.CHAMPION, "v1", List.of("a", "b", "c"), AT));
        store.record(new Impression("r2", "u2", "exp-1", Experiment.CHAMPION, "v1", List.of("a", "b"), AT));
        store.record(new Impression("r3", "u3", "exp-1", Experiment.CHALLENGER, "v2", List.of("c", "a"), AT));
        store.record(new Impression("r4", "u4", "exp-0", Experiment.CHALLENGER, "v0", List.of("c"), AT));
        store.record(new Impression("r5", "u5", null, Experiment.CHAMPION, null, List.of("a"), AT));

        assertEquals(Attribution.Outcome.CREDITED, store.credit(response("e1", "r1", "b", EventType.CLICK)));
        assertEquals(Attribution.Outcome.CREDITED, store.credit(response("e2", "r1", "b", EventType.ADD_TO_CART)));
        assertEquals(Attribution.Outcome.CREDITED, store.credit(response("e3", "r1", "b", EventType.PURCHASE)));
        assertEquals(Attribution.Outcome.CREDITED, store.credit(response("e4", "r1", "c", EventType.VIEW)));
        assertEquals(Attribution.Outcome.CREDITED, store.credit(response("e5", "r3", "a", EventType.PURCHASE)));
        assertEquals(Attribution.Outcome.CREDITED, store.credit(response("e6", "r5", "a", EventType.CLICK)));
        assertEquals(Attribution.Outcome.NOT_SHOWN, store.credit(response("e7", "r2", "c", EventType.CLICK)));
        assertEquals(Attribution.Outcome.UNKNOWN_RECOMMENDATION,
                store.credit(response("e8", "nope", "a", EventType.CLICK)));
        assertEquals(Attribution.Outcome.NOT_A_RESPONSE,
                store.credit(response("e9", "r1", "a", EventType.REMOVE_FROM_CART)));

        Map<String, VariantTally> tally = store.tally("exp-1");
        assertEquals(new VariantTally(Experiment.CHAMPION, 2, 1, 1, 1, List.of(
                new VariantTally.PositionTally(2, 1, 1, 1), new VariantTally.PositionTally(3, 1, 0, 0))),
                tally.get(Experiment.CHAMPION));
        assertEquals(new VariantTally(Experiment.CHALLENGER, 1, 0, 0, 1, List.of(
                new VariantTally.PositionTally(2, 0, 0, 1))), tally.get(Experiment.CHALLENGER));
        assertEquals(Map.of(), store.tally("exp-none"));
    }

    @Test
    void eraseShopper_shouldRemoveEveryAnswerServedToThatShopperOnly() {
        ImpressionStore store = newStore();
        store.record(new Impression("e1", "eraseme", null, Experiment.CHAMPION, "v1", List.of("a"), AT));
        store.record(new Impression("e2", "eraseme", null, Experiment.CHAMPION, "v1", List.of("b"), AT));
        store.record(new Impression("e3", "stays", null, Experiment.CHAMPION, "v1", List.of("a"), AT));
        assertEquals(2, store.eraseShopper("eraseme"));
        assertEquals(0, store.eraseShopper("eraseme"));
        assertEquals(Attribution.Outcome.UNKNOWN_RECOMMENDATION, store.credit(new ShopperEvent("c1", "eraseme", "a",
                EventType.CLICK, AT, Channel.WEB, null, null, "e1")));
        assertEquals(Attribution.Outcome.CREDITED, store.credit(new ShopperEvent("c2", "stays", "a",
                EventType.CLICK, AT, Channel.WEB, null, null, "e3")));
    }
}
