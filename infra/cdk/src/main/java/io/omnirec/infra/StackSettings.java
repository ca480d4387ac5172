package io.omnirec.infra;

import software.constructs.Node;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What a deployment can choose, from CDK context ({@code cdk deploy -c storefrontOrigin=https://shop.example}).
 *
 * @param artifacts          the repository root, where each {@code functions/<name>/target/function.zip} is
 * @param nativeBuild        deploy the native executables ({@code provided.al2023}) instead of the JVM zips
 * @param storefrontOrigin   the storefront's origin allowed by CORS, or {@code null} for no CORS
 * @param jwtIssuer          issuer URL of the storefront's identity provider; storefront routes then take its JWTs
 *                           instead of IAM
 * @param jwtAudience        the audiences a storefront JWT must name
 * @param alarmEmail         where alarms are mailed, or {@code null} (they still go to the stack's SNS topic)
 * @param trainingSchedule   EventBridge schedule expression of training
 * @param aggregatesSchedule EventBridge schedule expression of the aggregates refresh
 * @param throttleRate       steady requests per second the API admits
 * @param throttleBurst      requests the API admits in a burst
 * @param taskThresholdEvents from how many stored events training runs as the Fargate task instead of in Lambda
 * @param operatorScope      with {@code jwtIssuer}: the OAuth scope that lets a JWT call the operator and server
 *                           routes instead of IAM (so that the deployed console works in a browser), or {@code null}
 */
public record StackSettings(Path artifacts, boolean nativeBuild, String storefrontOrigin, String jwtIssuer,
                            List<String> jwtAudience, String alarmEmail, String trainingSchedule,
                            String aggregatesSchedule, int throttleRate, int throttleBurst,
                            long taskThresholdEvents, String operatorScope) {

    /** Nightly at 03:00 UTC. */
    public static final String DEFAULT_TRAINING_SCHEDULE = "cron(0 3 * * ? *)";
    /** Every six hours: trending and sales heat stay fresh between trainings. */
    public static final String DEFAULT_AGGREGATES_SCHEDULE = "rate(6 hours)";

    /** The settings of a stack, read from the app's context; unset keys take the defaults. */
    public static StackSettings fromContext(Node node) {
        return new StackSettings(
                Path.of(text(node, "artifacts", System.getProperty("omnirec.artifacts", "../.."))).toAbsolutePath()
                        .normalize(),
                Boolean.parseBoolean(text(node, "native", "false")),
                text(node, "storefrontOrigin", null),
                text(node, "jwtIssuer", null),
                Arrays.stream(text(node, "jwtAudience", "").split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .toList(),
                text(node, "alarmEmail", null),
                text(node, "trainingSchedule", DEFAULT_TRAINING_SCHEDULE),
                text(node, "aggregatesSchedule", DEFAULT_AGGREGATES_SCHEDULE),
                Integer.parseInt(text(node, "throttleRate", "500")),
                Integer.parseInt(text(node, "throttleBurst", "1000")),
                Long.parseLong(text(node, "taskThresholdEvents", "4000000")),
                text(node, "operatorScope", null));
    }

    /** Whether storefront routes take JWTs from the configured issuer. */
    public boolean storefrontJwt() {
        return jwtIssuer != null;
    }

    private static String text(Node node, String key, String fallback) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? fallback : value.toString();
    }
}
