package io.omnirec.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.runtime.Invocations;
import io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Lambda handler of the HTTP functions ({@code io.omnirec.http.ApiGatewayHandler::handleRequest}): normalizes
 * whatever shape API Gateway sent ({@link ApiGatewayEvents}), hands it to Quarkus' own handler, and answers a REST API
 * request in its own response shape. While it runs, the invocation is the current one ({@link Invocations}) for logs and
 * metrics. A plain class with the stream handler's method, as Lambda's Java runtime accepts:
 * implementing {@code RequestStreamHandler} would make it a second handler to Quarkus' build.
 */
public class ApiGatewayHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final QuarkusStreamHandler quarkus = new QuarkusStreamHandler();

    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Invocations.begin(context);
        try {
            handle(input, output, context);
        } finally {
            Invocations.end();
        }
    }

    private void handle(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] raw = input.readAllBytes();
        JsonNode event;
        try {
            event = JSON.readTree(raw);
        } catch (JsonProcessingException e) {
            quarkus.handleRequest(new ByteArrayInputStream(raw), output, context);
            return;
        }
        ApiGatewayEvents.Shape shape = ApiGatewayEvents.shape(event);
        byte[] normalized = ApiGatewayEvents.isCanonical(event) ? raw
                : JSON.writeValueAsBytes(ApiGatewayEvents.toHttpApi(event));
        if (shape != ApiGatewayEvents.Shape.REST_API) {
            quarkus.handleRequest(new ByteArrayInputStream(normalized), output, context);
            return;
        }
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        quarkus.handleRequest(new ByteArrayInputStream(normalized), answer, context);
        output.write(JSON.writeValueAsBytes(ApiGatewayEvents.toRestApiResponse(JSON.readTree(answer.toByteArray()))));
    }
}
