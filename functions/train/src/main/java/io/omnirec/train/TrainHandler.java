package io.omnirec.train;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import io.omnirec.core.domain.InvalidInputException;
import io.omnirec.core.training.TrainingConfig;
import io.omnirec.core.training.TrainingService;
import io.omnirec.runtime.OmnirecConfig;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** EventBridge schedule (or a manual event): train, evaluate, write a model version, promote if not worse. */
@Named("train")
public class TrainHandler implements RequestHandler<ScheduledEvent, TrainingSummary> {

    @Inject
    TrainingService training;

    @Inject
    OmnirecConfig config;

    @Override
    public TrainingSummary handleRequest(ScheduledEvent event, Context context) {
        if (event == null || !event.startsTraining()) {
            throw new InvalidInputException("invalid_event",
                    "expected an EventBridge 'Scheduled Event' from aws.events or a manual omnirec.manual event");
        }
        return TrainingSummary.of(training.trainAndPromote(TrainingConfig.defaults(config.trainingSeed())));
    }
}
