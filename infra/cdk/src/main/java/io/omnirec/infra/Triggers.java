package io.omnirec.infra;

import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.training.ScheduleEvents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.LambdaFunctionProps;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.constructs.Construct;

import java.util.Map;

/**
 * What starts the asynchronous functions: each import prefix and suffix of {@link ImportKind} in the imports bucket
 * (never the rejection reports, which are written under another prefix) notifies the features function; the training
 * schedule and the aggregates schedule invoke the train function. A target that cannot be invoked lands in the
 * function's dead-letter queue.
 */
public final class Triggers extends Construct {

    public Triggers(Construct scope, String id, Storage storage, Functions functions, StackSettings settings) {
        super(scope, id);
        LambdaDestination imports = new LambdaDestination(functions.target(OmnirecFunction.FEATURES));
        for (ImportKind kind : ImportKind.values()) {
            for (String suffix : kind.suffixes()) {
                storage.imports().addEventNotification(EventType.OBJECT_CREATED, imports,
                        NotificationKeyFilter.builder().prefix(kind.prefix()).suffix(suffix).build());
            }
        }
        LambdaFunctionProps delivery = LambdaFunctionProps.builder()
                .deadLetterQueue(functions.deadLetters(OmnirecFunction.TRAIN))
                .retryAttempts(2).maxEventAge(Duration.hours(2)).build();
        Rule.Builder.create(this, "Training")
                .description("Omnirec: repair pending events, rebuild the aggregates, train and promote")
                .schedule(Schedule.expression(settings.trainingSchedule()))
                .targets(java.util.List.of(new LambdaFunction(functions.target(OmnirecFunction.TRAIN), delivery)))
                .build();
        LambdaFunctionProps aggregates = LambdaFunctionProps.builder()
                .deadLetterQueue(functions.deadLetters(OmnirecFunction.TRAIN))
                .retryAttempts(2).maxEventAge(Duration.hours(2))
                .event(RuleTargetInput.fromObject(Map.of(
                        "version", "0",
                        "id", EventField.getEventId(),
                        "detail-type", ScheduleEvents.AGGREGATES_DETAIL_TYPE,
                        "source", ScheduleEvents.AGGREGATES_SOURCE,
                        "time", EventField.getTime(),
                        "detail", Map.of())))
                .build();
        Rule.Builder.create(this, "Aggregates")
                .description("Omnirec: rebuild the aggregates (sales heat, trending) between trainings")
                .schedule(Schedule.expression(settings.aggregatesSchedule()))
                .targets(java.util.List.of(new LambdaFunction(functions.target(OmnirecFunction.TRAIN), aggregates)))
                .build();
    }
}
