package io.omnirec.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiGatewayEventsTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path EVENTS = Path.of("../../events");

    static JsonNode sample(String name) throws IOException {
        return JSON.readTree(EVENTS.resolve(name).toFile());
    }

    @Test
    void everySample_shouldBecomeAnHttpApiEventWithAValidEncodedPath() throws IOException {
        List<Path> samples;
        try (Stream<Path> files = Files.list(EVENTS)) {
            samples = files.filter(p -> p.getFileName().toString().startsWith("apigw-")).toList();
        }
        assertTrue(samples.size() >= 20, samples.toString());
        for (Path sample : samples) {
            JsonNode event = ApiGatewayEvents.toHttpApi(JSON.readTree(sample.toFile()));
            assertEquals("2.0", event.path("version").asText(), sample.toString());
            String path = event.path("rawPath").asText();
            URI uri = URI.create("https://example.com" + path);
            assertTrue(uri.getRawPath().startsWith("/v1/"), sample + ": " + path);
            assertFalse(event.path("requestContext").path("http").path("method").asText().isEmpty(), sample.toString());
        }
    }

    @Test
    void decodedPaths_shouldBeEncoded_andEncodedOnesLeftAlone() {
        assertEquals("/v1/users/j%C3%BCrgen%20m%C3%BCller+vip@example.com",
                ApiGatewayEvents.encodePath("/v1/users/jürgen müller+vip@example.com"));
        assertEquals("/v1/users/j%C3%BCrgen", ApiGatewayEvents.encodePath("/v1/users/j%C3%BCrgen"));
        assertEquals("/v1/users/50%25off%20now", ApiGatewayEvents.encodePath("/v1/users/50%off now"));
        assertEquals("/v1/events", ApiGatewayEvents.encodePath("/v1/events"));
    }

    @Test
    void canonicalEvents_shouldBeRecognised_soThatTheHandlerPassesThemOnAsTheyCame() throws IOException {
        assertTrue(ApiGatewayEvents.isCanonical(sample("apigw-v2-get-recommendations.json")));
        assertFalse(ApiGatewayEvents.isCanonical(sample("apigw-v2-put-profile-decoded-path.json")));
        assertFalse(ApiGatewayEvents.isCanonical(sample("apigw-v2-put-profile-stage.json")));
        assertFalse(ApiGatewayEvents.isCanonical(sample("apigw-v1-post-event.json")));
        JsonNode canonical = sample("apigw-v2-get-recommendations.json");
        assertEquals(canonical, ApiGatewayEvents.toHttpApi(canonical), "nothing to change");
    }

    @Test
    void stagePrefix_shouldBeRemoved() throws IOException {
        JsonNode event = ApiGatewayEvents.toHttpApi(sample("apigw-v2-put-profile-stage.json"));
        assertEquals("/v1/users/u-stage-1", event.path("rawPath").asText());
        assertEquals("/v1/users/u-stage-1", event.path("requestContext").path("http").path("path").asText());
    }

    @Test
    void restApiEvents_shouldCarryMethodPathQueryHeadersAndBody() throws IOException {
        JsonNode event = ApiGatewayEvents.toHttpApi(sample("apigw-v1-get-recommendations.json"));
        assertEquals(ApiGatewayEvents.Shape.REST_API, ApiGatewayEvents.shape(sample("apigw-v1-get-recommendations.json")));
        assertEquals("GET", event.path("requestContext").path("http").path("method").asText());
        assertEquals("/v1/users/u000001/recommendations", event.path("rawPath").asText());
        assertEquals("k=3&channel=web", event.path("rawQueryString").asText());
        assertEquals("3", event.path("queryStringParameters").path("k").asText());
        assertEquals("application/json", event.path("headers").path("accept").asText());
        JsonNode post = ApiGatewayEvents.toHttpApi(sample("apigw-v1-post-event.json"));
        assertTrue(post.path("body").asText().contains("rest-1"));
        assertEquals("/v1/users/j%C3%BCrgen%20m%C3%BCller+vip@example.com",
                ApiGatewayEvents.toHttpApi(sample("apigw-v1-get-profile.json")).path("rawPath").asText());

        JsonNode answer = ApiGatewayEvents.toRestApiResponse(JSON.readTree("{\"statusCode\": 201, \"headers\":"
                + " {\"content-type\": \"application/json\"}, \"cookies\": [\"a=1\"], \"body\": \"{}\"}"));
        assertEquals(201, answer.path("statusCode").asInt());
        assertEquals("a=1", answer.path("multiValueHeaders").path("Set-Cookie").get(0).asText());
        assertFalse(answer.has("cookies"), "REST APIs refuse fields they do not know");
    }
}
