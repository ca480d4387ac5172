package io.omnirec.core.imports;

import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.store.FeatureStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Imports one CSV file: the header must match exactly (else nothing is imported); then each row is imported or
 * rejected on its own. A row whose id already appeared in the file is rejected as a duplicate. The aggregates that
 * make new items recommendable are rebuilt afterwards by {@link io.omnirec.core.aggregates.AggregatesJob}.
 */
public final class ImportService {
    static final int BATCH = 25;

    private final FeatureStore features;
    private final InteractionImport interactions;

    /** Catalog and customer imports only. */
    public ImportService(FeatureStore features) {
        this(features, null);
    }

    /** Catalog, customer and interaction-history imports. */
    public ImportService(FeatureStore features, InteractionImport interactions) {
        this.features = features;
        this.interactions = interactions;
    }

    public ImportReport importFile(ImportKind kind, InputStream content) {
        return switch (kind) {
            case CATALOG -> run(kind, content, new CatalogCsv(), features::upsertItems);
            case CUSTOMERS -> run(kind, content, new CustomerCsv(), features::upsertCustomers);
            case INTERACTIONS -> history(kind, requireInteractions().importCsv(content));
            case INTERACTION_EVENTS -> history(kind, requireInteractions().importJsonLines(content));
        };
    }

    private InteractionImport requireInteractions() {
        if (interactions == null) {
            throw new InvalidInputException("unsupported_import", "this import does not take interaction history");
        }
        return interactions;
    }

    /** An interaction import as a report: rows stored once before (duplicates) are neither imported nor rejected. */
    private static ImportReport history(ImportKind kind, InteractionImport.Report report) {
        return new ImportReport(kind, report.rows(), report.accepted(), report.rejected(), report.rejectionsCsv());
    }

    private <T> ImportReport run(ImportKind kind, InputStream content, RowMapper<T> mapper,
                                 Consumer<List<T>> upsert) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CsvLineReader reader = new CsvLineReader(new InputStreamReader(content, decoder));
        RejectionsCsv rejections = new RejectionsCsv();
        Map<String, Long> firstLine = new HashMap<>();
        List<T> batch = new ArrayList<>(BATCH);
        long rows = 0;
        long imported = 0;
        try {
            CsvLineReader.Line header = reader.next();
            if (header == null || header.error() != null || !mapper.header().equals(header.fields())) {
                throw new InvalidInputException("invalid_header",
                        "the first line must be exactly: " + String.join(",", mapper.header()));
            }
            for (CsvLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                if (line.error() == null && line.fields().size() == 1 && line.fields().get(0).isBlank()) {
                    continue;
                }
                rows++;
                if (line.error() != null) {
                    rejections.add(line.number(), line.error(), line.error().replace('_', ' '), line.raw());
                    continue;
                }
                if (line.fields().size() != mapper.header().size()) {
                    rejections.add(line.number(), "wrong_column_count", "expected " + mapper.header().size()
                            + " columns, found " + line.fields().size(), line.raw());
                    continue;
                }
                T value;
                try {
                    value = mapper.map(line.fields());
                } catch (InvalidInputException e) {
                    rejections.add(line.number(), e.code(), e.getMessage(), line.raw());
                    continue;
                }
                Long seen = firstLine.putIfAbsent(mapper.idOf(value), line.number());
                if (seen != null) {
                    rejections.add(line.number(), "duplicate_id", "the same id is on line " + seen, line.raw());
                    continue;
                }
                batch.add(value);
                if (batch.size() == BATCH) {
                    upsert.accept(List.copyOf(batch));
                    imported += batch.size();
                    batch.clear();
                }
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidInputException("invalid_encoding", "the file is not UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!batch.isEmpty()) {
            upsert.accept(List.copyOf(batch));
            imported += batch.size();
        }
        return new ImportReport(kind, rows, imported, rejections.count(), rejections.bytes());
    }
}
