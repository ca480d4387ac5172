package io.omnirec.core.aggregates;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** The scores the popular, trending and new-arrival lists rank by: one definition for the build and the live overlay. */
final class ListScores {
    private static final double DAY = 86_400.0;

    private ListScores() {
    }

    /** Distinct buyers, ties broken by sales heat. */
    static double popular(ItemFacts facts) {
        return facts.buyers() + facts.heat() * 1e-6;
    }

    /** Short-term heat against what the long-term heat would predict, weighted by its size. */
    static double trending(ItemFacts facts, AggregateConfig config) {
        double steady = config.trendHalfLifeDays() / config.heatHalfLifeDays();
        double recent = facts.recentHeat();
        return recent <= 0 ? 0 : recent / (steady * facts.heat() + 1) * Math.log1p(recent);
    }

    /** Items first seen (or launched) within the new-arrival window, by their short-term heat; 0 before launch. */
    static double newArrival(ItemFacts facts, long now, AggregateConfig config) {
        LocalDate launch = facts.item().details().launchDate();
        if (launch != null && launch.atStartOfDay(ZoneOffset.UTC).toEpochSecond() > now) {
            return 0;
        }
        return facts.firstSeen() >= now - (long) (config.newArrivalDays() * DAY) ? 1 + facts.recentHeat() : 0;
    }
}
