package io.omnirec.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omnirec.aws.StorageLayout;
import io.omnirec.core.imports.ImportKind;
import io.omnirec.core.training.ScheduleEvents;
import io.omnirec.http.ApiRoutes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The synthesized stack, asserted on its CloudFormation template: the deployed routes are the shared route list,
 * each authorized; every function's role does only what its code does; tables, buckets, notification, schedules and
 * alarms are as a retailer's operators need them. Synthesized once with the defaults and once for a storefront with
 * JWTs on the native build.
 */
class OmnirecStackTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonNode template;
    private static JsonNode jwtNative;

    @BeforeAll
    static void synthesize() throws IOException {
        template = synth(Map.of());
        jwtNative = synth(Map.of("jwtIssuer", "https://login.example.com/", "jwtAudience", "storefront",
                "native", "true", "storefrontOrigin", "https://shop.example.com", "operatorScope", "omnirec/operator"));
    }

    private static JsonNode synth(Map<String, Object> context) throws IOException {
        Map<String, Object> all = new HashMap<>(context);
        all.put("artifacts", System.getProperty("omnirec.artifacts", "../.."));
        App app = new App(AppProps.builder().context(all)
                .outdir(Files.createTempDirectory("omnirec-cdk").toString()).build());
        OmnirecStack stack = new OmnirecStack(app, "Omnirec", StackProps.builder().build(),
                StackSettings.fromContext(app.getNode()));
        return JSON.valueToTree(Template.fromStack(stack).toJSON());
    }

    private static List<JsonNode> resources(JsonNode template, String type) {
        List<JsonNode> found = new ArrayList<>();
        template.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals(type)) {
                found.add(r);
            }
        });
        return found;
    }

    private static String logicalId(JsonNode template, String type, String prefix) {
        List<String> ids = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals(type) && e.getKey().startsWith(prefix)) {
                ids.add(e.getKey());
            }
        });
        assertEquals(1, ids.size(), type + " " + prefix + ": " + ids);
        return ids.get(0);
    }

    private static Map<String, String> routeAuthorization(JsonNode template) {
        Map<String, String> routes = new HashMap<>();
        for (JsonNode route : resources(template, "AWS::ApiGatewayV2::Route")) {
            routes.put(route.path("Properties").path("RouteKey").asText(),
                    route.path("Properties").path("AuthorizationType").asText());
        }
        return routes;
    }

    @Test
    void api_shouldServeExactlyTheSharedRouteList_eachAuthorized() {
        Map<String, String> deployed = routeAuthorization(template);
        Set<String> expected = new HashSet<>();
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            expected.add(route.key());
            assertEquals(route.access() == ApiRoutes.Access.OPEN ? "NONE" : "AWS_IAM", deployed.get(route.key()),
                    route.key());
        }
        assertEquals(expected, deployed.keySet());
        assertEquals(1, deployed.values().stream().filter("NONE"::equals).count(), "only the health check is open");

        Map<String, String> withJwt = routeAuthorization(jwtNative);
        Map<String, String> scopes = new HashMap<>();
        for (JsonNode route : resources(jwtNative, "AWS::ApiGatewayV2::Route")) {
            scopes.put(route.path("Properties").path("RouteKey").asText(),
                    route.path("Properties").path("AuthorizationScopes").toString());
        }
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            assertEquals(route.access() == ApiRoutes.Access.OPEN ? "NONE" : "JWT", withJwt.get(route.key()),
                    route.key());
            assertEquals(route.access() == ApiRoutes.Access.SERVER, scopes.get(route.key()).contains(
                    "omnirec/operator"), route.key() + ": operator routes need the operators' scope");
        }
        JsonNode authorizer = resources(jwtNative, "AWS::ApiGatewayV2::Authorizer").get(0).path("Properties");
        assertEquals("https://login.example.com/", authorizer.path("JwtConfiguration").path("Issuer").asText());
        assertEquals("storefront", authorizer.path("JwtConfiguration").path("Audience").get(0).asText());
    }

    @Test
    void api_shouldBeThrottled_andAllowCorsOnlyForTheStorefront() {
        JsonNode stage = resources(template, "AWS::ApiGatewayV2::Stage").get(0).path("Properties");
        assertEquals(500, stage.path("DefaultRouteSettings").path("ThrottlingRateLimit").asInt());
        assertEquals(1000, stage.path("DefaultRouteSettings").path("ThrottlingBurstLimit").asInt());
        assertFalse(stage.path("AccessLogSettings").path("DestinationArn").isMissingNode(), "access logs");
        String defaultOrigins = resources(template, "AWS::ApiGatewayV2::Api").get(0).path("Properties")
                .path("CorsConfiguration").path("AllowOrigins").toString();
        assertTrue(defaultOrigins.contains("DomainName") && defaultOrigins.contains(
                logicalId(template, "AWS::CloudFront::Distribution", "SiteCdn")), "the demo site's origin: "
                + defaultOrigins);
        JsonNode cors = resources(jwtNative, "AWS::ApiGatewayV2::Api").get(0).path("Properties")
                .path("CorsConfiguration");
        assertEquals(List.of("https://shop.example.com"), JSON.convertValue(cors.path("AllowOrigins"), List.class));
    }

    /** Every statement of the policies attached to one function's role. */
    private static List<JsonNode> statements(JsonNode template, String function) {
        String role = logicalId(template, "AWS::IAM::Role", "Functions" + function + "Role");
        List<JsonNode> statements = new ArrayList<>();
        for (JsonNode policy : resources(template, "AWS::IAM::Policy")) {
            boolean attached = StreamSupport.stream(policy.path("Properties").path("Roles").spliterator(), false)
                    .anyMatch(r -> r.path("Ref").asText().equals(role));
            if (attached) {
                policy.path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add);
            }
        }
        assertTrue(resources(template, "AWS::IAM::Role").stream()
                .filter(r -> r.path("Properties").path("Description").asText().contains(function.toLowerCase()))
                .allMatch(r -> r.path("Properties").path("ManagedPolicyArns").isMissingNode()),
                "no managed policies on " + function);
        return statements;
    }

    private static List<String> actions(JsonNode statement) {
        JsonNode action = statement.path("Action");
        List<String> actions = new ArrayList<>();
        if (action.isArray()) {
            action.forEach(a -> actions.add(a.asText()));
        } else {
            actions.add(action.asText());
        }
        return actions;
    }

    /** The actions a function may take on a resource, found by the logical id its ARN is built from. */
    private static Set<String> actionsOn(JsonNode template, String function, String resourcePrefix) {
        String id = logicalId(template, resourcePrefix.startsWith("StorageEvents")
                || resourcePrefix.startsWith("StorageFeatures") ? "AWS::DynamoDB::Table" : "AWS::S3::Bucket",
                resourcePrefix);
        Set<String> actions = new HashSet<>();
        for (JsonNode statement : statements(template, function)) {
            if (statement.path("Resource").toString().contains("\"" + id + "\"")) {
                actions.addAll(actions(statement));
            }
        }
        return actions;
    }

    @Test
    void roles_shouldGrantOnlyWhatEachFunctionsCodeDoes_withoutWildcardActions() {
        for (String function : List.of("Ingest", "Features", "Train", "Recommend")) {
            for (JsonNode statement : statements(template, function)) {
                for (String action : actions(statement)) {
                    assertFalse(action.contains("*"), function + ": wildcard action " + action);
                }
                if (statement.path("Resource").asText().equals("*")) {
                    assertTrue(actions(statement).stream().allMatch(a -> a.startsWith("xray:")),
                            function + ": only X-Ray takes no resource: " + statement);
                }
            }
        }
        assertEquals(Set.of(), actionsOn(template, "Recommend", "StorageEvents"), "recommend never reads events");
        assertEquals(Set.of(), actionsOn(template, "Recommend", "StorageImports"), "nor the uploads");
        assertFalse(actionsOn(template, "Recommend", "StorageFeatures").contains("dynamodb:Scan"));
        assertFalse(actionsOn(template, "Ingest", "StorageEvents").contains("dynamodb:Scan"), "ingest never scans");
        assertEquals(Set.of(), actionsOn(template, "Ingest", "StorageModels"));
        for (String function : List.of("Ingest", "Features", "Recommend", "Train")) {
            for (String table : List.of("StorageEvents", "StorageFeatures")) {
                assertFalse(actionsOn(template, function, table).contains("dynamodb:Scan"),
                        function + " never scans " + table + ": the jobs read through indexes");
            }
        }
        assertEquals(Set.of(), actionsOn(template, "Train", "StorageImports"));
        assertTrue(actionsOn(template, "Features", "StorageImports").contains("s3:GetObject"));
    }

    @Test
    void tables_shouldFollowTheSharedLayout_withPitrTtlAndDeletionProtection() {
        List<JsonNode> tables = resources(template, "AWS::DynamoDB::Table");
        assertEquals(StorageLayout.tables().size(), tables.size());
        for (StorageLayout.Table layout : StorageLayout.tables()) {
            JsonNode table = tables.stream().filter(t -> t.path("Properties").path("KeySchema").get(0)
                    .path("AttributeName").asText().equals(layout.partitionKey())).findFirst().orElseThrow()
                    .path("Properties");
            assertEquals("PAY_PER_REQUEST", table.path("BillingMode").asText());
            assertTrue(table.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled")
                    .asBoolean());
            assertEquals(layout.ttlAttribute(), table.path("TimeToLiveSpecification").path("AttributeName").asText());
            assertTrue(table.path("TimeToLiveSpecification").path("Enabled").asBoolean());
            assertTrue(table.path("DeletionProtectionEnabled").asBoolean());
            assertTrue(table.path("SSESpecification").path("SSEEnabled").asBoolean());
            Set<String> indexes = new HashSet<>();
            table.path("GlobalSecondaryIndexes").forEach(i -> indexes.add(i.path("IndexName").asText() + ":"
                    + i.path("KeySchema").get(0).path("AttributeName").asText() + ":"
                    + i.path("Projection").path("ProjectionType").asText()));
            Set<String> expected = new HashSet<>();
            layout.indexes().forEach(i -> expected.add(i.name() + ":" + i.attribute() + ":" + i.projection()));
            assertEquals(expected, indexes);
        }
    }

    @Test
    void buckets_shouldBeEncryptedPrivateAndVersionedWhereModelsLive() {
        List<JsonNode> buckets = resources(template, "AWS::S3::Bucket");
        assertEquals(3, buckets.size(), "imports, models, the demo site");
        for (JsonNode bucket : buckets) {
            JsonNode p = bucket.path("Properties");
            assertEquals("AES256", p.path("BucketEncryption").path("ServerSideEncryptionConfiguration").get(0)
                    .path("ServerSideEncryptionByDefault").path("SSEAlgorithm").asText());
            JsonNode block = p.path("PublicAccessBlockConfiguration");
            for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls",
                    "RestrictPublicBuckets")) {
                assertTrue(block.path(setting).asBoolean(), setting);
            }
            assertEquals("Retain", bucket.path("DeletionPolicy").asText());
        }
        JsonNode models = resources(template, "AWS::S3::Bucket").stream()
                .filter(b -> b.path("Properties").has("VersioningConfiguration")).findFirst().orElseThrow();
        assertEquals("Enabled", models.path("Properties").path("VersioningConfiguration").path("Status").asText());
        assertEquals(3, resources(template, "AWS::S3::BucketPolicy").size(), "TLS only on every bucket");
        for (String data : List.of("StorageImports", "StorageModels")) {
            String id = logicalId(template, "AWS::S3::Bucket", data);
            assertFalse(template.path("Resources").path(id).path("Properties").path("LifecycleConfiguration")
                    .path("Rules").isEmpty(), data + " lifecycle rules");
        }
    }

    @Test
    void importNotification_shouldCoverEveryImportKind_andNeverTheRejectionReports() {
        JsonNode configurations = resources(template, "Custom::S3BucketNotifications").get(0).path("Properties")
                .path("NotificationConfiguration").path("LambdaFunctionConfigurations");
        Set<String> filters = new HashSet<>();
        configurations.forEach(c -> {
            assertEquals("s3:ObjectCreated:*", c.path("Events").get(0).asText());
            Map<String, String> rules = new HashMap<>();
            c.path("Filter").path("Key").path("FilterRules").forEach(r ->
                    rules.put(r.path("Name").asText().toLowerCase(), r.path("Value").asText()));
            assertFalse(ImportKind.rejectionKey(rules.get("prefix") + "x" + rules.get("suffix"))
                    .startsWith(rules.get("prefix")), "a rejection report would notify again");
            filters.add(rules.get("prefix") + "*" + rules.get("suffix"));
        });
        Set<String> expected = new HashSet<>();
        for (ImportKind kind : ImportKind.values()) {
            kind.suffixes().forEach(suffix -> expected.add(kind.prefix() + "*" + suffix));
        }
        assertEquals(expected, filters);
    }

    @Test
    void schedules_shouldTrainNightlyAndRefreshTheAggregates_withTheEventTheTrainFunctionReads() throws IOException {
        List<JsonNode> rules = resources(template, "AWS::Events::Rule").stream()
                .filter(r -> r.path("Properties").has("ScheduleExpression")).toList();
        assertEquals(2, rules.size());
        JsonNode training = rules.stream().filter(r -> r.path("Properties").path("ScheduleExpression").asText()
                .equals(StackSettings.DEFAULT_TRAINING_SCHEDULE)).findFirst().orElseThrow().path("Properties");
        assertTrue(training.path("Targets").get(0).path("Input").isMissingNode(), "EventBridge's own event");
        assertFalse(training.path("Targets").get(0).path("DeadLetterConfig").isMissingNode());
        JsonNode aggregates = rules.stream().filter(r -> r.path("Properties").path("ScheduleExpression").asText()
                .equals(StackSettings.DEFAULT_AGGREGATES_SCHEDULE)).findFirst().orElseThrow().path("Properties");
        JsonNode target = aggregates.path("Targets").get(0);
        assertFalse(target.path("DeadLetterConfig").isMissingNode());
        JsonNode input = JSON.readTree(target.path("InputTransformer").path("InputTemplate").asText()
                .replace("<id>", "\"id\"").replace("<time>", "\"time\""));
        assertEquals("$.id", target.path("InputTransformer").path("InputPathsMap").path("id").asText());
        JsonNode sample = JSON.readTree(Path.of(System.getProperty("omnirec.artifacts", "../.."))
                .resolve("events/eventbridge-aggregates.json").toFile());
        assertEquals(sample.path("source"), input.path("source"));
        assertEquals(sample.path("detail-type"), input.path("detail-type"));
    }

    @Test
    void functions_shouldBeSizedTracedLoggedAndPublishedWithSnapStartBehindTheApi() {
        List<JsonNode> ours = resources(template, "AWS::Lambda::Function").stream()
                .filter(f -> f.path("Properties").path("Description").asText().startsWith("Omnirec ")).toList();
        assertEquals(4, ours.size());
        for (JsonNode function : ours) {
            JsonNode p = function.path("Properties");
            assertEquals("java21", p.path("Runtime").asText());
            assertEquals("Active", p.path("TracingConfig").path("Mode").asText());
            assertEquals("JSON", p.path("LoggingConfig").path("LogFormat").asText());
            assertTrue(p.path("Timeout").asInt() <= 900);
            boolean http = p.path("Handler").asText().startsWith("io.omnirec.http.");
            assertEquals(http ? "PublishedVersions" : "", p.path("SnapStart").path("ApplyOn").asText(""),
                    p.path("Description").asText());
        }
        assertEquals(10240, ours.stream().filter(f -> f.path("Properties").path("Description").asText()
                .equals("Omnirec train")).findFirst().orElseThrow().path("Properties").path("MemorySize").asInt());
        assertEquals(2, resources(template, "AWS::Lambda::Alias").size());
        assertEquals(2, resources(template, "AWS::Lambda::EventInvokeConfig").size(), "features and train");
        resources(template, "AWS::Lambda::EventInvokeConfig").forEach(c -> assertFalse(c.path("Properties")
                .path("DestinationConfig").path("OnFailure").isMissingNode()));
        resources(template, "AWS::Logs::LogGroup").forEach(g ->
                assertEquals(30, g.path("Properties").path("RetentionInDays").asInt()));

        List<JsonNode> native_ = resources(jwtNative, "AWS::Lambda::Function").stream()
                .filter(f -> f.path("Properties").path("Description").asText().startsWith("Omnirec ")).toList();
        native_.forEach(f -> {
            assertEquals("provided.al2023", f.path("Properties").path("Runtime").asText());
            assertTrue(f.path("Properties").path("SnapStart").isMissingNode());
        });
    }

    @Test
    void alarms_shouldWatchErrorsThrottlesLatencyDeadLettersAndTheApi() {
        Set<String> watched = new HashSet<>();
        for (JsonNode alarm : resources(template, "AWS::CloudWatch::Alarm")) {
            JsonNode p = alarm.path("Properties");
            assertEquals(1, p.path("AlarmActions").size(), "every alarm notifies the topic");
            watched.add(p.path("Namespace").asText() + ":" + p.path("MetricName").asText());
        }
        assertEquals(Set.of("AWS/Lambda:Errors", "AWS/Lambda:Throttles", "AWS/Lambda:Duration",
                "AWS/SQS:ApproximateNumberOfMessagesVisible", "AWS/ApiGateway:5xx"), watched);
        assertEquals(4 * 3 + 2 + 1, resources(template, "AWS::CloudWatch::Alarm").size());
        assertEquals(1, resources(template, "AWS::CloudWatch::Dashboard").size());
    }

    @Test
    void trainingTask_shouldRunTheTrainCodeOnFargate_whenTheTrainFunctionHandsItOver_withoutIdleCost() {
        JsonNode definition = resources(template, "AWS::ECS::TaskDefinition").get(0).path("Properties");
        assertEquals(String.valueOf(TrainingTask.CPU), definition.path("Cpu").asText());
        assertEquals(String.valueOf(TrainingTask.MEMORY_MIB), definition.path("Memory").asText());
        JsonNode container = definition.path("ContainerDefinitions").get(0);
        assertEquals(TrainingTask.CONTAINER, container.path("Name").asText());
        Set<String> variables = new HashSet<>();
        container.path("Environment").forEach(v -> variables.add(v.path("Name").asText()));
        assertTrue(variables.containsAll(Set.of("OMNIREC_EVENTS_TABLE", "OMNIREC_FEATURES_TABLE",
                "OMNIREC_MODELS_BUCKET")), variables.toString());
        assertEquals(0, resources(template, "AWS::EC2::NatGateway").size(), "no NAT gateway: nothing costs idle");

        JsonNode rule = resources(template, "AWS::Events::Rule").stream()
                .filter(r -> r.path("Properties").has("EventPattern")).findFirst().orElseThrow().path("Properties");
        assertEquals(ScheduleEvents.HAND_OVER_SOURCE, rule.path("EventPattern").path("source").get(0).asText());
        assertEquals(ScheduleEvents.HAND_OVER_DETAIL_TYPE,
                rule.path("EventPattern").path("detail-type").get(0).asText());
        JsonNode target = rule.path("Targets").get(0);
        assertEquals("FARGATE", target.path("EcsParameters").path("LaunchType").asText());
        assertFalse(target.path("DeadLetterConfig").isMissingNode());
        String overrides = target.path("InputTransformer").toString();
        for (String name : List.of("OMNIREC_TASK_RUN_ID", "OMNIREC_TASK_JOB", "OMNIREC_TASK_RUNNER")) {
            assertTrue(overrides.contains(name), name + " in " + overrides);
        }

        JsonNode train = resources(template, "AWS::Lambda::Function").stream()
                .filter(f -> f.path("Properties").path("Description").asText().equals("Omnirec train"))
                .findFirst().orElseThrow().path("Properties");
        assertEquals("default", train.path("Environment").path("Variables").path("OMNIREC_TASK_EVENT_BUS").asText());
        int jvmFunctions = 0;
        for (JsonNode function : resources(template, "AWS::Lambda::Function")) {
            String name = function.path("Properties").path("Description").asText();
            String jvm = function.path("Properties").path("Environment").path("Variables").path("JAVA_TOOL_OPTIONS")
                    .asText();
            if (name.startsWith("Omnirec ")) {
                boolean http = name.equals("Omnirec ingest") || name.equals("Omnirec recommend");
                assertTrue(jvm.endsWith("TieredStopAtLevel=" + (http ? 1 : 4)), name + ": " + jvm);
                jvmFunctions++;
            }
        }
        assertEquals(4, jvmFunctions, "the four functions, each with the JIT its work calls for");
        Set<String> trainActions = new HashSet<>();
        statements(template, "Train").forEach(st -> trainActions.addAll(actions(st)));
        assertTrue(trainActions.containsAll(Set.of("events:PutEvents", "dynamodb:DescribeTable")));
        assertFalse(trainActions.contains("iam:PassRole"), "the rule, not the function, starts the task");
        String taskRole = logicalId(template, "AWS::IAM::Role", "TrainingTaskDefinitionTaskRole");
        Set<String> taskActions = new HashSet<>();
        for (JsonNode policy : resources(template, "AWS::IAM::Policy")) {
            if (policy.path("Properties").path("Roles").toString().contains("\"" + taskRole + "\"")) {
                policy.path("Properties").path("PolicyDocument").path("Statement")
                        .forEach(st -> taskActions.addAll(actions(st)));
            }
        }
        assertTrue(taskActions.contains("dynamodb:Query") && taskActions.contains("s3:PutObject"), "what training does");
        assertFalse(taskActions.contains("dynamodb:Scan"), "through indexes, never a scan");
        assertTrue(taskActions.stream().noneMatch(action -> action.contains("*")), taskActions.toString());
    }

    @Test
    void demoSite_shouldServeTheWebFolderPrivatelyThroughCloudFront_withTheApisAddress() {
        JsonNode distribution = resources(template, "AWS::CloudFront::Distribution").get(0).path("Properties")
                .path("DistributionConfig");
        assertEquals("redirect-to-https", distribution.path("DefaultCacheBehavior").path("ViewerProtocolPolicy")
                .asText());
        assertFalse(distribution.path("Origins").get(0).path("OriginAccessControlId").isMissingNode(),
                "the bucket is read through origin access control only");
        assertEquals("viewer-request", distribution.path("DefaultCacheBehavior").path("FunctionAssociations").get(0)
                .path("EventType").asText());
        assertEquals(1, resources(template, "AWS::CloudFront::OriginAccessControl").size());
        JsonNode publish = resources(template, "Custom::CDKBucketDeployment").get(0).path("Properties");
        assertEquals(2, publish.path("SourceObjectKeys").size(), "web/ and config.json");
        assertTrue(publish.path("DistributionPaths").toString().contains("/*"));
        JsonNode outputs = template.path("Outputs");
        assertTrue(outputs.has("SiteUrl"), outputs.toString());
    }
}
