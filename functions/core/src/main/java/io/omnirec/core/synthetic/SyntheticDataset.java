package io.omnirec.core.synthetic;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.imports.CatalogCsv;
import io.omnirec.core.imports.CustomerCsv;
import io.omnirec.core.ingest.EventJson;

import java.util.List;

/**
 * Generated shoppers, catalog and events (events in time order), and the planted truth a test can check a model
 * against.
 *
 * @param companions per item, the item planted as often bought right after it
 */
public record SyntheticDataset(List<Customer> customers, List<CatalogItem> items, List<ShopperEvent> events,
                               java.util.Map<String, String> companions) {
    public SyntheticDataset {
        customers = List.copyOf(customers);
        items = List.copyOf(items);
        events = List.copyOf(events);
        companions = java.util.Map.copyOf(companions);
    }

    /** The catalog as the catalog import reads it. */
    public String catalogCsv() {
        StringBuilder out = new StringBuilder(CatalogCsv.fullHeader()).append('\n');
        items.forEach(item -> out.append(CatalogCsv.line(item)).append('\n'));
        return out.toString();
    }

    /** The shoppers as the customer import reads them. */
    public String customersCsv() {
        StringBuilder out = new StringBuilder(String.join(",", CustomerCsv.HEADER)).append('\n');
        customers.forEach(c -> out.append(CustomerCsv.line(c)).append('\n'));
        return out.toString();
    }

    /** The events as request bodies for {@code POST /v1/events}, at most {@code batchSize} events each. */
    public List<String> eventBatches(int batchSize) {
        List<String> batches = new java.util.ArrayList<>();
        for (int from = 0; from < events.size(); from += batchSize) {
            batches.add(EventJson.batch(events.subList(from, Math.min(events.size(), from + batchSize))));
        }
        return batches;
    }
}
