package io.omnirec.aws;

import com.fasterxml.jackson.databind.JsonNode;
import io.omnirec.core.domain.Channel;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.domain.ShopperKeys;
import io.omnirec.core.ingest.EventJson;
import io.omnirec.core.ingest.EventResult;
import io.omnirec.core.ingest.EventValidator;
import io.omnirec.core.ingest.IngestService;
import io.omnirec.core.store.FeatureStore;
import io.omnirec.core.store.memory.InMemoryImpressionStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Identify on DynamoDB: a session small enough for one write is added with one conditional update (the shopper's
 * list of sessions is its marker); a larger one is linked and counted by rebuilding the shopper from the log. Either
 * way the session counts once, however often the identify is sent and wherever the first try broke off.
 */
class SessionMergeTest {
    static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    @BeforeAll
    static void clients() {
        AwsStoresTest.clients();
    }

    final AwsResources fresh = AwsStoresTest.freshResources();
    final DynamoFeatureStore features = new DynamoFeatureStore(AwsStoresTest.dynamo, fresh.featuresTable());
    final DynamoEventStore events = new DynamoEventStore(AwsStoresTest.dynamo, fresh.eventsTable());
    final IngestService ingest = new IngestService(events, features, new InMemoryImpressionStore(),
            EventValidator.live(Clock.systemUTC()));

    /** {@code items} anonymous views of distinct items, then identify; the identify's result. */
    List<EventResult> browseThenIdentify(String session, String user, int items) {
        List<JsonNode> views = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            views.add(EventJson.toNode(new ShopperEvent(session + "-v" + i, ShopperKeys.session(session), "item-" + i,
                    EventType.VIEW, AT.plusSeconds(i), Channel.WEB, null, session, null)));
        }
        ingest.ingest(views);
        return identify(session, user);
    }

    List<EventResult> identify(String session, String user) {
        return ingest.ingest(List.of(EventJson.toNode(new ShopperEvent("id-" + session, user, null,
                EventType.IDENTIFY, AT.plusSeconds(500), Channel.WEB, null, session, null))));
    }

    Map<String, Double> items(String user) {
        return features.loadShopperContext(user).state().items();
    }

    @Test
    void identify_shouldCountASmallSessionOnce_whenSentAgain() {
        assertEquals(EventResult.Status.ACCEPTED, browseThenIdentify("s-small", "u-small", 5).get(0).status());
        assertEquals(EventResult.Status.DUPLICATE, identify("s-small", "u-small").get(0).status());
        assertEquals(5, items("u-small").size());
        assertEquals(5.0, items("u-small").values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
    }

    @Test
    void identify_shouldCountALargeSessionOnce_whenItNeedsMoreThanOneWriteAndIsSentAgain() {
        assertEquals(EventResult.Status.ACCEPTED, browseThenIdentify("s-large", "u-large", 80).get(0).status());
        assertEquals(EventResult.Status.ACCEPTED, identify("s-large", "u-large").get(0).status(),
                "a repeat rebuilds the shopper again, which changes nothing");
        assertEquals(80, items("u-large").size());
        assertEquals(80.0, items("u-large").values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(java.util.Set.of("s-large"), features.mergedSessions("u-large"));
    }

    @Test
    void identify_shouldFinishTheMerge_whenTheFirstTryStoppedAfterLinkingTheSession() {
        browseThenIdentify("s-warmup", "u-broken", 0);
        List<JsonNode> views = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            views.add(EventJson.toNode(new ShopperEvent("s-broken-v" + i, ShopperKeys.session("s-broken"),
                    "item-" + i, EventType.VIEW, AT.plusSeconds(i), Channel.WEB, null, "s-broken", null)));
        }
        ingest.ingest(views);
        // the first identify claimed and linked the session, then its function died before the rebuild
        assertEquals(FeatureStore.SessionMerge.LINKED, features.mergeSession("s-broken", "u-broken"));
        assertEquals(Map.of(), items("u-broken"));

        assertEquals(EventResult.Status.ACCEPTED, identify("s-broken", "u-broken").get(0).status());

        assertEquals(80, items("u-broken").size());
        assertEquals(80.0, items("u-broken").values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(FeatureStore.SessionMerge.OTHER_SHOPPER, features.mergeSession("s-broken", "someone-else"));
    }
}
