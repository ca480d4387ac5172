package io.omnirec.core.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Copies an uploaded customers or interactions file, or the rejections written beside one, without the lines that
 * name a shopper: the uploads' part of erasing a shopper. A CSV line goes when one of its fields is the id (for a
 * rejections file, also a field of the rejected row it quotes); a JSON Lines line when one of its values is. A line
 * that cannot be read goes when it contains the id at all: erasure errs toward removing.
 */
public final class ShopperRowFilter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ShopperRowFilter() {
    }

    /** Copies {@code in} to {@code out} without the shopper's lines; returns how many lines it left out. */
    public static long copyWithout(String userId, boolean jsonLines, InputStream in, OutputStream out)
            throws IOException {
        long dropped = 0;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.contains(userId) && (jsonLines ? jsonNames(line, userId) : csvNames(line, userId))) {
                dropped++;
                continue;
            }
            writer.write(line);
            writer.write('\n');
        }
        writer.flush();
        return dropped;
    }

    private static boolean csvNames(String line, String userId) {
        CsvLineReader.Line fields = CsvLineReader.split(0, line);
        if (fields.error() != null) {
            return true;
        }
        for (String field : fields.fields()) {
            if (field.equals(userId) || (field.contains(userId) && !field.equals(line) && csvNames(field, userId))) {
                return true;
            }
        }
        return false;
    }

    private static boolean jsonNames(String line, String userId) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            return true;
        }
        if (node == null || !node.isObject()) {
            return true;
        }
        for (Iterator<JsonNode> values = node.elements(); values.hasNext(); ) {
            if (userId.equals(values.next().asText(null))) {
                return true;
            }
        }
        return false;
    }
}
