package io.omnirec.core.domain;

import java.util.Objects;

/**
 * A shopper's profile as imported from the retailer's customer records.
 *
 * @param gender          {@code F}, {@code M} or {@code X}
 * @param homeStoreId     the store the shopper visits most, may be empty
 * @param postalCode      may be empty
 * @param personalization whether the shopper consents to recommendations from their own behaviour and profile; without
 *                        it they get what any new shopper gets (strategy {@code ...:no_consent})
 */
public record Customer(String userId, int age, String gender, String region, String homeStoreId, String postalCode,
                       boolean personalization) {
    public Customer {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(homeStoreId, "homeStoreId");
        postalCode = postalCode == null ? "" : postalCode;
    }

    /** A profile without a postal code, consenting to personalization. */
    public Customer(String userId, int age, String gender, String region, String homeStoreId) {
        this(userId, age, gender, region, homeStoreId, "", true);
    }

    /** Age band used for segment statistics: {@code <25}, {@code 25-34}, {@code 35-49}, {@code 50-64}, {@code 65+}. */
    public String ageBand() {
        if (age < 25) {
            return "<25";
        }
        if (age < 35) {
            return "25-34";
        }
        if (age < 50) {
            return "35-49";
        }
        return age < 65 ? "50-64" : "65+";
    }
}
