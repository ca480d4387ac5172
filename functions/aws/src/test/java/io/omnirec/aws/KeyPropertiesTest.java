package io.omnirec.aws;

import io.omnirec.core.domain.Identifiers;
import io.omnirec.core.domain.ShopperKeys;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Two different valid ids never share a DynamoDB key or attribute name, as DynamoDB compares them (UTF-8 bytes), and a
 * shopper never shares one with an anonymous session. No retailer id goes into an S3 key: those hold versions, which
 * are tokens ({@link Identifiers#isToken}).
 */
class KeyPropertiesTest {

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMinLength(1).ofMaxLength(80),
                Arbitraries.strings().withChars("#/:~ab+@ü").ofMinLength(1).ofMaxLength(6),
                Arbitraries.of("jürgen.müller+vip@example.com", "POS/0042#17", "a#b", "a", "#", "session:x"));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Property(tries = 1000, seed = "42")
    void keys_shouldDiffer_whenIdsDiffer(@ForAll("ids") String a, @ForAll("ids") String b) {
        Assume.that(Identifiers.isValid(a) && Identifiers.isValid(b) && !a.equals(b));
        assertFalse(Arrays.equals(utf8(DynamoFeatureStore.userPk(a)), utf8(DynamoFeatureStore.userPk(b))));
        assertFalse(Arrays.equals(utf8(DynamoFeatureStore.itemPk(a)), utf8(DynamoFeatureStore.itemPk(b))));
        assertFalse(Arrays.equals(utf8(DynamoFeatureStore.storePk(a)), utf8(DynamoFeatureStore.storePk(b))));
        assertFalse(Arrays.equals(utf8(DynamoFeatureStore.ITEM_PREFIX + a), utf8(DynamoFeatureStore.ITEM_PREFIX + b)));
        assertFalse(Arrays.equals(utf8(DynamoFeatureStore.MARKER_PREFIX + a),
                utf8(DynamoFeatureStore.MARKER_PREFIX + b)));
        assertFalse(Arrays.equals(utf8(DynamoImpressionStore.recPk(a)), utf8(DynamoImpressionStore.recPk(b))));
    }

    @Property(tries = 1000, seed = "42")
    void shopperKeys_shouldNeverMeetSessionKeys(@ForAll("ids") String user, @ForAll("ids") String session) {
        Assume.that(Identifiers.isValid(user) && Identifiers.isValid(session));
        assertNotEquals(DynamoFeatureStore.userPk(user), DynamoFeatureStore.userPk(ShopperKeys.session(session)));
    }

    @Property(tries = 1000, seed = "42")
    void heatCounterNames_shouldReadBackAsTheirIds_whateverTheIds(@ForAll("ids") String store,
                                                                 @ForAll("ids") String item) {
        Assume.that(Identifiers.isValid(store) && Identifiers.isValid(item));
        assertEquals(new DynamoHeatCounters.Counter(DynamoHeatCounters.AT_STORE, store, item),
                DynamoHeatCounters.counter(DynamoHeatCounters.storeCounter(store, item)));
        assertEquals(new DynamoHeatCounters.Counter(DynamoHeatCounters.SIGNAL, null, item),
                DynamoHeatCounters.counter(DynamoHeatCounters.SIGNAL + item));
        assertEquals(new DynamoHeatCounters.Counter(DynamoHeatCounters.PURCHASES, null, item),
                DynamoHeatCounters.counter(DynamoHeatCounters.PURCHASES + item));
        for (String own : java.util.List.of("pk", "sk", "n", "expiresAt")) {
            assertEquals(null, DynamoHeatCounters.counter(own), own + " is the counter item's own attribute");
        }
    }
}
