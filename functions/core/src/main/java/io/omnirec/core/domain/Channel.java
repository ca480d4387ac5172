package io.omnirec.core.domain;

import java.util.Locale;
import java.util.Optional;

/** Where an event happened. Physical channels ({@link #STORE}, {@link #KIOSK}) always carry a store id. */
public enum Channel {
    WEB, APP, STORE, KIOSK;

    public boolean isPhysical() {
        return this == STORE || this == KIOSK;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; empty when it is not a known channel. */
    public static Optional<Channel> fromWire(String value) {
        for (Channel channel : values()) {
            if (channel.wireName().equals(value)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
