package io.omnirec.infra;

import io.omnirec.aws.StorageLayout;
import io.omnirec.core.imports.ImportKind;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four functions, each with a role of its own that may do only what its code does (no wildcard actions), a log
 * group with retention, X-Ray tracing and the names of the tables and buckets in its environment. The HTTP functions
 * are published with SnapStart behind an alias; the asynchronous ones retry and then land in a dead-letter queue.
 */
public final class Functions extends Construct {
    /** The key prefix of model versions, the champion pointer and training runs in the models bucket. */
    static final String MODELS_PREFIX = "models/";
    /** The key prefix of aggregate builds in the models bucket. */
    static final String AGGREGATES_PREFIX = "aggregates/";
    /** The alias the API and the schedules invoke. */
    static final String ALIAS = "live";

    private static final List<String> READ_ITEMS = List.of("dynamodb:GetItem", "dynamodb:BatchGetItem",
            "dynamodb:Query");
    private static final List<String> WRITE_ITEMS = List.of("dynamodb:PutItem", "dynamodb:UpdateItem",
            "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");

    private final Map<OmnirecFunction, Function> functions = new LinkedHashMap<>();
    private final Map<OmnirecFunction, IFunction> targets = new LinkedHashMap<>();
    private final Map<OmnirecFunction, Queue> deadLetters = new LinkedHashMap<>();

    public Functions(Construct scope, String id, Storage storage, StackSettings settings) {
        super(scope, id);
        Map<String, String> environment = environment(storage);

        Function ingest = function(OmnirecFunction.INGEST, settings, environment);
        readWrite(ingest, storage, StorageLayout.EVENTS);
        readWrite(ingest, storage, StorageLayout.FEATURES);
        objects(ingest, storage.imports(), List.of("s3:GetObject", "s3:PutObject"),
                ImportKind.CUSTOMERS.prefix(), ImportKind.INTERACTIONS.prefix(), ImportKind.REJECTS_PREFIX);
        objects(ingest, storage.imports(), List.of("s3:GetObject"), ImportKind.SUMMARIES_PREFIX);

        Function features = function(OmnirecFunction.FEATURES, settings, environment);
        readWrite(features, storage, StorageLayout.EVENTS);
        readWrite(features, storage, StorageLayout.FEATURES);
        objects(features, storage.imports(), List.of("s3:GetObject"), "imports/");
        objects(features, storage.imports(), List.of("s3:PutObject"), ImportKind.REJECTS_PREFIX,
                ImportKind.SUMMARIES_PREFIX);
        objects(features, storage.models(), List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                AGGREGATES_PREFIX);

        Function train = function(OmnirecFunction.TRAIN, settings, environment);
        grantTraining(train, storage);

        Function recommend = function(OmnirecFunction.RECOMMEND, settings, environment);
        readWrite(recommend, storage, StorageLayout.FEATURES);
        objects(recommend, storage.models(), List.of("s3:GetObject"), AGGREGATES_PREFIX);
        objects(recommend, storage.models(), List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                MODELS_PREFIX);
    }

    /** What the scheduled job does, in the train function or the Fargate task: repair, aggregates, training. */
    static void grantTraining(IGrantable runner, Storage storage) {
        readWrite(runner, storage, StorageLayout.EVENTS);
        readWrite(runner, storage, StorageLayout.FEATURES);
        objects(runner, storage.models(), List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                MODELS_PREFIX, AGGREGATES_PREFIX);
    }

    /** The environment every function and the task share: where the tables and buckets are. */
    static Map<String, String> environment(Storage storage) {
        return Map.of(
                "OMNIREC_EVENTS_TABLE", storage.events().getTableName(),
                "OMNIREC_FEATURES_TABLE", storage.features().getTableName(),
                "OMNIREC_MODELS_BUCKET", storage.models().getBucketName(),
                "OMNIREC_MODELS_PREFIX", MODELS_PREFIX,
                "OMNIREC_AGGREGATES_PREFIX", AGGREGATES_PREFIX,
                "OMNIREC_IMPORTS_BUCKET", storage.imports().getBucketName());
    }

    /** The function deployed for a spec. */
    public Function function(OmnirecFunction spec) {
        return functions.get(spec);
    }

    /** What the API, the notification and the schedules invoke: the published alias where there is one. */
    public IFunction target(OmnirecFunction spec) {
        return targets.get(spec);
    }

    /** The dead-letter queue of an asynchronously invoked function. */
    public Queue deadLetters(OmnirecFunction spec) {
        return deadLetters.get(spec);
    }

    /** Every deployed function, in a stable order. */
    public Map<OmnirecFunction, Function> all() {
        return functions;
    }

    /**
     * The JIT each function runs with. The HTTP functions answer short requests: the client JIT alone (C1), the usual
     * setting for Java on Lambda and the default of its Java 17 and 21 runtimes, for the fastest start. The features
     * and train functions compute for seconds to minutes (EASE solves, SGD epochs): the full JIT, asked for
     * explicitly over the runtime's default; the evaluation tool trains 2.4-2.7x slower with C1 alone (11.2 and
     * 12.7 s against 29.9 and 29.3 s, `synthetic --validation`, runs alternating).
     */
    static String jvmOptions(OmnirecFunction spec) {
        return "-XX:+TieredCompilation -XX:TieredStopAtLevel=" + (spec.http() ? 1 : 4);
    }

    private Function function(OmnirecFunction spec, StackSettings settings, Map<String, String> environment) {
        String id = capitalized(spec.name());
        Path zip = settings.artifacts().resolve("functions").resolve(spec.name()).resolve("target/function.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("missing " + zip + ": build the functions first (./mvnw package"
                    + (settings.nativeBuild() ? " -Dnative" : "") + ")");
        }
        LogGroup logs = LogGroup.Builder.create(this, id + "Logs").retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        Role role = Role.Builder.create(this, id + "Role").assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Omnirec " + spec.name() + ": only what its code does").build();
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("DISABLE_SIGNAL_HANDLERS", "true");
        if (!settings.nativeBuild()) {
            env.put("JAVA_TOOL_OPTIONS", jvmOptions(spec));
        }
        Function.Builder builder = Function.Builder.create(this, id)
                .description("Omnirec " + spec.name())
                .runtime(settings.nativeBuild() ? Runtime.PROVIDED_AL2023 : Runtime.JAVA_21)
                .architecture(Architecture.X86_64)
                .handler(settings.nativeBuild() ? "not.used.in.provided.runtime" : spec.handler())
                .code(Code.fromAsset(zip.toString()))
                .memorySize(spec.memoryMb())
                .timeout(spec.timeout())
                .role(role)
                .logGroup(logs)
                .loggingFormat(LoggingFormat.JSON)
                .tracing(Tracing.ACTIVE)
                .environment(env);
        boolean snapStart = spec.http() && !settings.nativeBuild();
        if (snapStart) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        if (!spec.http()) {
            Queue dlq = Queue.Builder.create(this, id + "DeadLetters")
                    .encryption(QueueEncryption.SQS_MANAGED)
                    .enforceSsl(true)
                    .retentionPeriod(Duration.days(14))
                    .build();
            deadLetters.put(spec, dlq);
            builder.onFailure(new SqsDestination(dlq)).retryAttempts(2).maxEventAge(Duration.hours(6));
        }
        Function function = builder.build();
        if (snapStart) {
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "the API invokes the published version through the live alias");
        }
        logs.grantWrite(role);
        functions.put(spec, function);
        targets.put(spec, spec.http()
                ? Alias.Builder.create(this, id + "Live").aliasName(ALIAS).version(function.getCurrentVersion()).build()
                : function);
        return function;
    }

    /**
     * Item reads and writes on a table and its indexes. No function scans a table: the batch jobs read the event log by
     * its time index and the catalog and profiles by their kind index.
     */
    private static void readWrite(IGrantable runner, Storage storage, StorageLayout.Table layout) {
        Table table = storage.table(layout);
        List<String> resources = new ArrayList<>();
        resources.add(table.getTableArn());
        for (StorageLayout.Index index : layout.indexes()) {
            resources.add(table.getTableArn() + "/index/" + index.name());
        }
        List<String> actions = new ArrayList<>(READ_ITEMS);
        actions.addAll(WRITE_ITEMS);
        runner.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create().actions(actions)
                .resources(resources).build());
    }

    /** Object actions under key prefixes of a bucket, and listing it (so that a missing key reads as 404, not 403). */
    private static void objects(IGrantable runner, Bucket bucket, List<String> actions, String... prefixes) {
        List<String> keys = new ArrayList<>();
        for (String prefix : prefixes) {
            keys.add(bucket.arnForObjects(prefix + "*"));
        }
        runner.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create().actions(actions)
                .resources(keys).build());
        runner.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket")).resources(List.of(bucket.getBucketArn())).build());
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
