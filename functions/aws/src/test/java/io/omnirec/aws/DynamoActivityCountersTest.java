package io.omnirec.aws;

import io.omnirec.core.domain.Channel;
import io.omnirec.core.ingest.Activity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DynamoActivityCountersTest {
    static AwsResources resources;

    @BeforeAll
    static void setUp() {
        AwsStoresTest.clients();
        resources = AwsStoresTest.freshResources();
    }

    static DynamoActivityCounters at(String time) {
        return new DynamoActivityCounters(AwsStoresTest.dynamo, resources.featuresTable(),
                Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
    }

    @Test
    void recent_shouldSumEveryShardPerMinuteAndChannel_andShowQuietMinutesAsZero() {
        at("2026-11-30T10:00:05Z").record(Map.of(Channel.WEB, 3L, Channel.STORE, 1L), "event-a");
        at("2026-11-30T10:00:40Z").record(Map.of(Channel.WEB, 2L), "event-b");
        at("2026-11-30T10:00:41Z").record(Map.of(Channel.WEB, 1L), "event-c");
        at("2026-11-30T10:02:10Z").record(Map.of(Channel.APP, 4L), "event-d");
        at("2026-11-30T10:02:11Z").record(Map.of(), "nothing accepted: no write");

        List<Activity.Minute> minutes = at("2026-11-30T10:02:59Z").recent(4);
        assertEquals(List.of(Instant.parse("2026-11-30T09:59:00Z"), Instant.parse("2026-11-30T10:00:00Z"),
                Instant.parse("2026-11-30T10:01:00Z"), Instant.parse("2026-11-30T10:02:00Z")),
                minutes.stream().map(Activity.Minute::minute).toList());
        assertEquals(Map.of("web", 0L, "app", 0L, "store", 0L, "kiosk", 0L), minutes.get(0).events());
        assertEquals(Map.of("web", 6L, "app", 0L, "store", 1L, "kiosk", 0L), minutes.get(1).events());
        assertEquals(0L, minutes.get(2).events().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(4L, minutes.get(3).events().get("app"));
    }
}
