package io.omnirec.core.imports;

import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.store.FeatureStore;

import java.io.InputStream;
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

    /** A CSV file (or, for interaction events, JSON Lines) on its own. */
    public ImportReport importFile(ImportKind kind, InputStream content) {
        return importFile(kind, false, content, new ImportProgress());
    }

    /**
     * One pass over a file that may be a repeat of a broken pass over the same upload: {@code progress} carries what
     * the earlier passes stored, so that the report counts each stored row once (see {@link ImportProgress}).
     *
     * @param jsonLines whether a catalog, customers, inventory or stores file is JSON Lines (its columns as keys)
     *                  rather than CSV ({@link ImportKind#isJsonLines}); interaction kinds say their format themselves
     */
    public ImportReport importFile(ImportKind kind, boolean jsonLines, InputStream content, ImportProgress progress) {
        return switch (kind) {
            case CATALOG -> run(kind, jsonLines, content, new CatalogCsv(), features::upsertItems);
            case CUSTOMERS -> run(kind, jsonLines, content, new CustomerCsv(), features::upsertCustomers);
            case INVENTORY -> run(kind, jsonLines, content, new InventoryCsv(), features::applyStock);
            case STORES -> run(kind, jsonLines, content, new StoreCsv(), features::nameStores);
            case INTERACTIONS -> history(kind, requireInteractions().importCsv(content, progress), progress);
            case INTERACTION_EVENTS -> history(kind, requireInteractions().importJsonLines(content, progress),
                    progress);
        };
    }

    private InteractionImport requireInteractions() {
        if (interactions == null) {
            throw new InvalidInputException("unsupported_import", "this import does not take interaction history");
        }
        return interactions;
    }

    /**
     * An interaction import as a report: rows stored before this upload (duplicates) are neither imported nor
     * rejected; rows an earlier, broken pass over this upload stored count as imported.
     */
    private static ImportReport history(ImportKind kind, InteractionImport.Report report, ImportProgress progress) {
        return new ImportReport(kind, report.rows(), progress.historyStored(), report.rejected(),
                report.rejectionsCsv());
    }

    private <T> ImportReport run(ImportKind kind, boolean jsonLines, InputStream content, RowMapper<T> mapper,
                                 Consumer<List<T>> upsert) {
        RejectionsCsv rejections = new RejectionsCsv();
        Map<String, Long> firstLine = new HashMap<>();
        List<T> batch = new ArrayList<>(BATCH);
        long[] imported = {0};
        Consumer<CsvLineReader.Line> importRow = line -> {
            T value;
            try {
                value = mapper.map(line.fields());
            } catch (InvalidInputException e) {
                rejections.add(line.number(), e.code(), e.getMessage(), line.raw());
                return;
            }
            Long seen = firstLine.putIfAbsent(mapper.idOf(value), line.number());
            if (seen != null) {
                rejections.add(line.number(), "duplicate_id", "the same id is on line " + seen, line.raw());
                return;
            }
            batch.add(value);
            if (batch.size() == BATCH) {
                upsert.accept(List.copyOf(batch));
                imported[0] += batch.size();
                batch.clear();
            }
        };
        List<String> columns = new ArrayList<>(mapper.header());
        columns.addAll(mapper.optionalColumns());
        long rows = jsonLines ? JsonLines.forEachRow(content, columns, mapper.jsonColumns(), rejections, importRow)
                : CsvRows.forEach(content, mapper.header(), mapper.optionalColumns(), rejections, importRow);
        if (!batch.isEmpty()) {
            upsert.accept(List.copyOf(batch));
            imported[0] += batch.size();
        }
        return new ImportReport(kind, rows, imported[0], rejections.count(), rejections.bytes());
    }
}
