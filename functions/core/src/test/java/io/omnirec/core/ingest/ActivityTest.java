package io.omnirec.core.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.core.domain.Channel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ActivityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void accepted_shouldCountOnlyAcceptedEventsByTheirChannel() throws Exception {
        List<JsonNode> events = List.of(JSON.readTree("{\"channel\":\"web\"}"), JSON.readTree("{\"channel\":\"store\"}"),
                JSON.readTree("{\"channel\":\"web\"}"), JSON.readTree("{\"channel\":\"moon\"}"),
                JSON.readTree("{\"channel\":\"web\"}"));
        List<EventResult> results = List.of(new EventResult(0, "a", EventResult.Status.ACCEPTED, null, null),
                new EventResult(1, "b", EventResult.Status.ACCEPTED, null, null),
                new EventResult(2, "c", EventResult.Status.DUPLICATE, null, null),
                new EventResult(3, "d", EventResult.Status.REJECTED, "invalid_channel", "no"),
                new EventResult(4, "e", EventResult.Status.ACCEPTED, null, null));
        assertEquals(Map.of(Channel.WEB, 2L, Channel.STORE, 1L), Activity.accepted(events, results));
    }
}
