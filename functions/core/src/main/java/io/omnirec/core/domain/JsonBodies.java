package io.omnirec.core.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;

/** Reads a request body that must be one JSON object, with the errors every endpoint answers alike. */
public final class JsonBodies {
    private JsonBodies() {
    }

    /**
     * The object in {@code body}: {@code empty_body}, {@code payload_too_large} (over {@code maxBytes}),
     * {@code invalid_json} or {@code invalid_body} ({@code shape} says what was expected) otherwise.
     */
    public static JsonNode object(ObjectMapper json, byte[] body, int maxBytes, String shape) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("empty_body", "the request body is empty");
        }
        if (body.length > maxBytes) {
            throw new InvalidInputException("payload_too_large", "the body exceeds " + maxBytes + " bytes");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("invalid_json", "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InvalidInputException("invalid_json", "the body cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("invalid_body", "the body must be " + shape);
        }
        return root;
    }
}
