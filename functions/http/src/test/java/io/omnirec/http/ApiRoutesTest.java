package io.omnirec.http;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiRoutesTest {

    @Test
    void match_shouldFindTheRouteOfARequest_byMethodAndPathTemplate() {
        assertEquals("POST /v1/events", ApiRoutes.match("post", "/v1/events").orElseThrow().key());
        ApiRoutes.Route profile = ApiRoutes.match("PUT", "/v1/users/j%C3%BCrgen%2Fvip").orElseThrow();
        assertEquals(ApiRoutes.Function.INGEST, profile.function());
        assertEquals(ApiRoutes.Access.SERVER, profile.access());
        ApiRoutes.Route recommendations = ApiRoutes.match("GET", "/v1/users/u1/recommendations").orElseThrow();
        assertEquals(ApiRoutes.Function.RECOMMEND, recommendations.function());
        assertEquals(ApiRoutes.Access.CLIENT, recommendations.access());
        assertEquals(ApiRoutes.Access.OPEN, ApiRoutes.match("GET", "/v1/health").orElseThrow().access());
    }

    @Test
    void match_shouldFindNothing_forAnUnknownPathMethodOrAnEmptySegment() {
        assertEquals(Optional.empty(), ApiRoutes.match("GET", "/v1/events"));
        assertEquals(Optional.empty(), ApiRoutes.match("PATCH", "/v1/users/u1"));
        assertEquals(Optional.empty(), ApiRoutes.match("GET", "/v1/users//recommendations"));
        assertEquals(Optional.empty(), ApiRoutes.match("POST", "/v1/events/"));
        assertEquals(Optional.empty(), ApiRoutes.match("GET", "/v1/users/u1/recommendations/extra"));
        assertEquals(Optional.empty(), ApiRoutes.match("GET", ""));
    }

    @Test
    void all_shouldHoldEachRouteKeyOnce_andOpenOnlyTheHealthCheck() {
        Set<String> keys = new HashSet<>();
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            assertTrue(keys.add(route.key()), route.key());
        }
        assertEquals(1, ApiRoutes.all().stream().filter(r -> r.access() == ApiRoutes.Access.OPEN).count());
        assertEquals(ApiRoutes.all().size(), ApiRoutes.of(ApiRoutes.Function.INGEST).size()
                + ApiRoutes.of(ApiRoutes.Function.RECOMMEND).size());
    }
}
