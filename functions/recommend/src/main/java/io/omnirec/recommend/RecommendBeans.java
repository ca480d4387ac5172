package io.omnirec.recommend;

import io.omnirec.core.ranking.RecommendationService;
import io.omnirec.core.ranking.Recommendations;
import io.omnirec.core.store.FeatureStore;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.UUID;

/** Wires the core's recommendation service to the feature store and the champion model. */
@ApplicationScoped
@RegisterForReflection(targets = {Recommendations.class, Recommendations.RecommendedItem.class})
public class RecommendBeans {

    @Produces
    @Singleton
    RecommendationService recommendations(FeatureStore features, ChampionModel champion) {
        return new RecommendationService(features, champion, () -> UUID.randomUUID().toString());
    }
}
