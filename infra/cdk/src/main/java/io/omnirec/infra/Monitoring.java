package io.omnirec.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CreateAlarmOptions;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

import java.util.List;
import java.util.Map;

/**
 * Alarms on what needs a person (function errors and throttles, p99 latency near the timeout, anything in a
 * dead-letter queue, API 5xx), sent to one SNS topic, and a dashboard of the same metrics. Idle, none of it costs
 * compute.
 */
public final class Monitoring extends Construct {
    private static final Duration PERIOD = Duration.minutes(5);

    private final Topic alarms;

    public Monitoring(Construct scope, String id, Functions functions, Api api, StackSettings settings) {
        super(scope, id);
        alarms = Topic.Builder.create(this, "Alarms").displayName("Omnirec alarms").build();
        if (settings.alarmEmail() != null) {
            alarms.addSubscription(new EmailSubscription(settings.alarmEmail()));
        }
        Dashboard dashboard = Dashboard.Builder.create(this, "Dashboard").dashboardName("Omnirec").build();
        for (Map.Entry<OmnirecFunction, Function> entry : functions.all().entrySet()) {
            OmnirecFunction spec = entry.getKey();
            Function function = entry.getValue();
            String name = spec.name();
            Metric errors = function.metricErrors(sum());
            Metric throttles = function.metricThrottles(sum());
            Metric p99 = function.metricDuration(MetricOptions.builder().statistic("p99").period(PERIOD).build());
            alarm(name + "Errors", errors, 1, name + " raised errors");
            alarm(name + "Throttles", throttles, 1, name + " was throttled");
            alarm(name + "LatencyP99", p99, spec.timeout().toMilliseconds().doubleValue() * 0.8,
                    name + " p99 duration is above 80% of its timeout");
            dashboard.addWidgets(
                    graph(name + ": invocations, errors, throttles", function.metricInvocations(sum()), errors,
                            throttles),
                    graph(name + ": duration p50 / p99 (ms)",
                            function.metricDuration(MetricOptions.builder().statistic("p50").period(PERIOD).build()),
                            p99));
            Queue deadLetters = functions.deadLetters(spec);
            if (deadLetters != null) {
                Metric depth = deadLetters.metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder().statistic("Maximum").period(PERIOD).build());
                alarm(name + "DeadLetters", depth, 1, name + " has failed deliveries in its dead-letter queue");
                dashboard.addWidgets(graph(name + ": failed deliveries waiting", depth));
            }
        }
        Metric serverErrors = api.stage().metricServerError(sum());
        alarm("Api5xx", serverErrors, 5, "the API answered 5xx");
        dashboard.addWidgets(
                graph("API: requests, 4xx, 5xx", api.stage().metricCount(sum()), api.stage().metricClientError(sum()),
                        serverErrors),
                graph("API: latency p50 / p99 (ms)",
                        api.stage().metricLatency(MetricOptions.builder().statistic("p50").period(PERIOD).build()),
                        api.stage().metricLatency(MetricOptions.builder().statistic("p99").period(PERIOD).build())));
    }

    /** The topic every alarm notifies. */
    public Topic topic() {
        return alarms;
    }

    private void alarm(String id, Metric metric, double threshold, String description) {
        Alarm alarm = metric.createAlarm(this, id, CreateAlarmOptions.builder()
                .threshold(threshold).evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .alarmDescription("Omnirec: " + description).build());
        alarm.addAlarmAction(new SnsAction(alarms));
    }

    private static MetricOptions sum() {
        return MetricOptions.builder().statistic("Sum").period(PERIOD).build();
    }

    private static GraphWidget graph(String title, IMetric... metrics) {
        return GraphWidget.Builder.create().title(title).left(List.of(metrics)).width(12).build();
    }
}
