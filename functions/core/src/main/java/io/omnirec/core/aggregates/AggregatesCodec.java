package io.omnirec.core.aggregates;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** The stored form of {@link Aggregates}: gzipped JSON with a schema number. */
public final class AggregatesCodec {
    public static final int SCHEMA = 1;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private AggregatesCodec() {
    }

    record Stored(int schema, String version, long builtAtMillis, Map<String, ItemFacts> items,
                  Map<String, Map<String, RankedList>> neighbours, Map<String, RankedList> lists) {
    }

    public static byte[] encode(Aggregates aggregates) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            JSON.writeValue(out, new Stored(SCHEMA, aggregates.version(), aggregates.builtAt().toEpochMilli(),
                    aggregates.items(), aggregates.neighbours(), aggregates.lists()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a build; {@link IllegalArgumentException} when the bytes are not one. */
    public static Aggregates decode(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            Stored stored = JSON.readValue(in, Stored.class);
            if (stored.schema() != SCHEMA) {
                throw new IllegalArgumentException("aggregates schema " + stored.schema() + " is not " + SCHEMA);
            }
            return new Aggregates(stored.version(), Instant.ofEpochMilli(stored.builtAtMillis()), stored.items(),
                    stored.neighbours(), stored.lists());
        } catch (IOException e) {
            throw new IllegalArgumentException("not an aggregates build: " + e.getMessage(), e);
        }
    }
}
