package io.omnirec.core.store;

import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.Customer;
import io.omnirec.core.domain.StockLevel;
import io.omnirec.core.features.InteractionUpdate;
import io.omnirec.core.features.UserState;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** A feature store that passes every call on; tests override the calls they make fail. */
public class ForwardingFeatureStore implements FeatureStore {
    protected final FeatureStore delegate;

    public ForwardingFeatureStore(FeatureStore delegate) {
        this.delegate = delegate;
    }

    public void upsertItems(List<CatalogItem> items) {
        delegate.upsertItems(items);
    }

    public void upsertCustomers(List<Customer> customers) {
        delegate.upsertCustomers(customers);
    }

    public Map<String, CatalogItem> items(Collection<String> itemIds) {
        return delegate.items(itemIds);
    }

    public void deleteItem(String itemId) {
        delegate.deleteItem(itemId);
    }

    public Optional<Customer> customer(String userId) {
        return delegate.customer(userId);
    }

    public Set<String> mergedSessions(String userId) {
        return delegate.mergedSessions(userId);
    }

    public boolean erase(String shopperKey) {
        return delegate.erase(shopperKey);
    }

    public void forEachItem(Consumer<CatalogItem> visitor) {
        delegate.forEachItem(visitor);
    }

    public void forEachCustomer(Consumer<Customer> visitor) {
        delegate.forEachCustomer(visitor);
    }

    public StateRevision readRevision(String shopperKey) {
        return delegate.readRevision(shopperKey);
    }

    public boolean replaceState(StateRevision read, UserState state, Map<String, Instant> newMarkers) {
        return delegate.replaceState(read, state, newMarkers);
    }

    public void apply(InteractionUpdate update) {
        delegate.apply(update);
    }

    public EventApplication.Outcome applyOnce(EventApplication application) {
        return delegate.applyOnce(application);
    }

    public SessionMerge mergeSession(String sessionId, String userId) {
        return delegate.mergeSession(sessionId, userId);
    }

    public void applyStock(List<StockLevel> levels) {
        delegate.applyStock(levels);
    }

    public void nameStores(List<io.omnirec.core.domain.Store> stores) {
        delegate.nameStores(stores);
    }

    public ShopperContext loadShopperContext(String userId, String storeId) {
        return delegate.loadShopperContext(userId, storeId);
    }

    @Override
    public StoreStock loadStock(String storeId) {
        return delegate.loadStock(storeId);
    }
}
