package io.omnirec.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omnirec.aws.AwsClients;
import io.omnirec.aws.AwsResources;
import io.omnirec.aws.Provisioning;
import io.omnirec.aws.local.LocalAws;
import io.omnirec.core.domain.CatalogItem;
import io.omnirec.core.domain.EventType;
import io.omnirec.core.domain.ShopperEvent;
import io.omnirec.core.imports.CatalogCsv;
import io.omnirec.core.synthetic.SyntheticDataset;
import io.omnirec.core.synthetic.SyntheticRetailGenerator;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * Runs Omnirec end to end on this machine: emulators, the four functions from their packaged jars, sample data
 * imported through the features function, events sent through the API to ingest, training through the train
 * function, and a recommendation through the API. {@link #main} keeps serving afterwards.
 */
public final class OmnirecLocal implements AutoCloseable {
    /**
     * Recommend runs in two execution environments: each keeps working for a few milliseconds after its answer (the
     * impression and metrics writes, see {@code AfterResponse}), and Lambda gives a request that arrives meanwhile to another
     * environment, as these two do.
     */
    static final int RECOMMEND_ENVIRONMENTS = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where and what to run.
     *
     * @param dataDir   where emulator data persists; {@code null} keeps it in memory
     * @param apiPort   the local API Gateway's port; 0 picks a free one
     */
    public record Settings(Path root, Path dataDir, int dynamoPort, int s3Port, int apiPort,
                           SyntheticRetailGenerator.Config data) {
    }

    /** What the run did, step by step. */
    public record Report(JsonNode imports, long eventsSent, long eventsAccepted, long eventsDuplicate,
                         JsonNode training, String shopper, Set<String> purchased, String recommendUrl,
                         JsonNode recommendation) {
    }

    private final Settings settings;
    private final PrintStream out;
    private final List<AutoCloseable> running = new ArrayList<>();
    private LocalApiGateway gateway;
    private LocalAws aws;
    private AwsResources resources;
    private SyntheticDataset data;
    private S3Client s3;
    private LocalFunction features;
    private String trainedSchedule;

    public OmnirecLocal(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** A sample data set whose events end a day before now, so timestamps are always valid. */
    public static SyntheticRetailGenerator.Config sampleData() {
        return new SyntheticRetailGenerator.Config(42, 500, 100, 45,
                Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(46)), 9);
    }

    public Report run() throws IOException, InterruptedException {
        Path logs = Files.createDirectories(settings.root().resolve("target/local"));
        out.println("1/6 starting DynamoDB (dynalite) and S3 (s3proxy) emulators"
                + (settings.dataDir() == null ? " in memory" : ", data in " + settings.dataDir()));
        aws = LocalAws.start(settings.dynamoPort(), settings.s3Port(), settings.dataDir());
        running.add(aws);
        resources = new AwsResources("omnirec-events", "omnirec-features", "omnirec-models", "models/", "aggregates/",
                "omnirec-imports");
        s3 = AwsClients.s3(aws.s3Endpoint(), LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY);
        new Provisioning(AwsClients.dynamo(aws.dynamoEndpoint(), LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY), s3)
                .ensure(resources);

        out.println("2/6 starting the ingest, features and train functions (packaged jars, logs in " + logs + ")");
        Map<String, String> environment = environment(aws);
        LocalFunction ingest = start("ingest", environment, logs);
        features = start("features", environment, logs);
        LocalFunction train = start("train", environment, logs);
        gateway = new LocalApiGateway(settings.apiPort(), ingest, settings.root().resolve("web"),
                settings.root().resolve("docs/openapi"));
        running.add(gateway);

        data = new SyntheticRetailGenerator(settings.data()).generate();
        out.printf("3/6 importing %d items and %d shoppers through the features function (S3 upload + notification)%n",
                data.items().size(), data.customers().size());
        JsonNode imports = importSample(s3, resources.importsBucket(), features, data);
        imports.path("files").forEach(f -> out.printf("    %s: %s, %d imported, %d rejected%n",
                f.path("key").asText(), f.path("status").asText(), f.path("imported").asLong(), f.path("rejected").asLong()));

        out.printf("4/6 sending %d events to POST /v1/events (batches of 100)%n", data.events().size());
        long started = System.nanoTime();
        long[] counts = sendEvents(data);
        out.printf("    accepted %d, duplicate %d in %.1f s%n", counts[0], counts[1], (System.nanoTime() - started) / 1e9);

        out.println("5/6 training through the train function (EventBridge scheduled event)");
        // each run is a new schedule (EventBridge gives every delivery its own id; a repeated id trains nothing)
        ObjectNode schedule = (ObjectNode) JSON.readTree(settings.root().resolve("events/eventbridge-scheduled.json")
                .toFile());
        schedule.put("id", UUID.randomUUID().toString()).put("time", Instant.now().toString());
        trainedSchedule = JSON.writeValueAsString(schedule);
        JsonNode training = invokeJson(train, trainedSchedule);
        out.printf("    %s %s: %s%n", training.path("status").asText(), training.path("version").asText(),
                training.path("reason").asText());

        out.println("6/6 starting the recommend function (loads the champion model at cold start) in "
                + RECOMMEND_ENVIRONMENTS + " execution environments");
        gateway.serveRecommendations(start("recommend", environment, logs, RECOMMEND_ENVIRONMENTS));
        String shopper = busiestBuyer(data);
        Set<String> purchased = purchases(data, shopper);
        String url = "http://127.0.0.1:" + gateway.port() + "/v1/users/" + shopper + "/recommendations?k=5";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode recommendation = JSON.readTree(answer.body());
        out.println();
        out.println("$ curl '" + url + "'");
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(recommendation));
        out.printf("%s bought %d durables; none of them is recommended: %s%n", shopper, purchased.size(),
                recommended(recommendation).stream().noneMatch(purchased::contains));
        return new Report(imports, data.events().size(), counts[0], counts[1], training, shopper, purchased, url,
                recommendation);
    }

    /**
     * How much each benchmark does.
     *
     * @param calls            recommend calls measured (after up to 200 warm-up calls); ingest sends ten times as
     *                         many events
     * @param coldStartRounds  rounds in which every function and the empty baseline start cold once
     * @param importRows       rows in each of the catalog and interactions files the import benchmark uploads
     */
    public record BenchSizes(int calls, int coldStartRounds, int importRows) {
        /** What {@code --bench} runs. */
        public static final BenchSizes FULL = new BenchSizes(1000, 5, 20_000);
        /** What {@code --bench --quick} runs: every part, small. */
        public static final BenchSizes QUICK = new BenchSizes(300, 3, 3_000);
    }

    /**
     * Measures recommend's warm latency beside GetItem and BatchGetItem on the emulator, then the cold start of every
     * function beside an empty Quarkus HTTP Lambda, then ingest under load beside raw writes, then imports beside raw
     * batch writes (after {@link #run}).
     */
    public Benchmarks benchmark(BenchSizes sizes) throws IOException {
        List<String> shoppers = data.customers().stream().map(c -> c.userId()).toList();
        List<String> items = data.items().stream().map(i -> i.itemId()).toList();
        var dynamo = AwsClients.dynamo(aws.dynamoEndpoint(), LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY);
        RecommendBenchmark.Result warm = new RecommendBenchmark(URI.create(apiUrl()), dynamo, resources, shoppers)
                .run(Math.min(200, sizes.calls()), sizes.calls());
        RecommendBenchmark.print(warm, out);
        ColdStartBenchmark.Result cold = new ColdStartBenchmark(settings.root(), environment(aws),
                Files.createDirectories(settings.root().resolve("target/local"))).run(sizes.coldStartRounds(),
                coldStartSubjects());
        ColdStartBenchmark.print(cold, out);
        IngestBenchmark.Result ingest = new IngestBenchmark(URI.create(apiUrl()), dynamo, resources, items, shoppers)
                .run(sizes.calls() * 10, 42);
        IngestBenchmark.print(ingest, out);
        ImportBenchmark.Result imports = new ImportBenchmark(new S3Notifications(settings.root(), s3,
                resources.importsBucket()), features, dynamo, resources.featuresTable(), items)
                .run(sizes.importRows(), 43);
        ImportBenchmark.print(imports, out);
        return new Benchmarks(warm, cold, ingest, imports);
    }

    /**
     * The import benchmark alone, with an interactions file of {@code interactionRows} rows beside the full
     * benchmark's catalog file ({@code --bench-imports N}: how long a history of N rows takes in one run of the
     * features function).
     */
    public ImportBenchmark.Result benchmarkImports(int interactionRows) throws IOException {
        var dynamo = AwsClients.dynamo(aws.dynamoEndpoint(), LocalAws.ACCESS_KEY, LocalAws.SECRET_KEY);
        ImportBenchmark.Result imports = new ImportBenchmark(new S3Notifications(settings.root(), s3,
                resources.importsBucket()), features, dynamo, resources.featuresTable(),
                data.items().stream().map(i -> i.itemId()).toList())
                .run(BenchSizes.FULL.importRows(), interactionRows, 43);
        ImportBenchmark.print(imports, out);
        return imports;
    }

    /**
     * The cold-start benchmark alone, {@code rounds} rounds ({@code --bench-cold N}: every function and the empty
     * baseline started N times, without the warm, ingest and import parts).
     */
    public ColdStartBenchmark.Result benchmarkColdStarts(int rounds) throws IOException {
        ColdStartBenchmark.Result cold = new ColdStartBenchmark(settings.root(), environment(aws),
                Files.createDirectories(settings.root().resolve("target/local"))).run(rounds, coldStartSubjects());
        ColdStartBenchmark.print(cold, out);
        return cold;
    }

    /**
     * The four packaged functions, each with its own first piece of work: recommend a GET of recommendations (model
     * and aggregates loaded from S3 at init), ingest a POST of one new event, features the import of a one-row
     * catalog file, train a repeat of the scheduled delivery already trained on (answered as a duplicate, so the
     * call measures start-up and the run ledger's read, not training).
     */
    private List<ColdStartBenchmark.Subject> coldStartSubjects() throws IOException {
        Path root = settings.root();
        String recommend = ColdStartBenchmark.getEvent(root, "/v1/users/" + busiestBuyer(data) + "/recommendations",
                "k=10");
        CatalogItem item = data.items().get(0);
        S3Notifications uploads = new S3Notifications(root, s3, resources.importsBucket());
        return List.of(
                new ColdStartBenchmark.Subject("recommend", "GET recommendations", zip("recommend"),
                        LocalFunction.HTTP_HANDLER, round -> recommend, true),
                new ColdStartBenchmark.Subject("ingest", "POST one event", zip("ingest"), LocalFunction.HTTP_HANDLER,
                        round -> ColdStartBenchmark.postEvent(root, "cold-" + UUID.randomUUID()), true),
                new ColdStartBenchmark.Subject("features", "import a one-row catalog file", zip("features"),
                        LocalFunction.HANDLER, round -> uploads.upload(Map.of("imports/catalog/cold-start-" + round
                                + ".csv", CatalogCsv.fullHeader() + "\n" + CatalogCsv.line(item) + "\n")), false),
                new ColdStartBenchmark.Subject("train", "a repeated scheduled delivery", zip("train"),
                        LocalFunction.HANDLER, round -> trainedSchedule, false));
    }

    private Path zip(String function) {
        return settings.root().resolve("functions").resolve(function).resolve("target/function.zip");
    }

    /** What {@link #benchmark} measured. */
    public record Benchmarks(RecommendBenchmark.Result warm, ColdStartBenchmark.Result cold,
                             IngestBenchmark.Result ingest, ImportBenchmark.Result imports) {
        /** Every figure as one JSON document, raw samples included. */
        public JsonNode toJson() {
            ObjectNode root = JSON.createObjectNode();
            root.set("recommendLatency", RecommendBenchmark.toJson(warm));
            root.set("coldStart", ColdStartBenchmark.toJson(cold));
            root.set("ingest", IngestBenchmark.toJson(ingest));
            root.set("imports", ImportBenchmark.toJson(imports));
            return root;
        }
    }

    /** The API's base URL. */
    public String apiUrl() {
        return "http://127.0.0.1:" + gateway.port();
    }

    static Set<String> recommended(JsonNode recommendation) {
        Set<String> ids = new HashSet<>();
        recommendation.path("items").forEach(item -> ids.add(item.path("itemId").asText()));
        return ids;
    }

    /** The tables and buckets the run uses. */
    AwsResources resources() {
        return resources;
    }

    private LocalFunction start(String name, Map<String, String> environment, Path logs) throws IOException {
        return start(name, environment, logs, 1);
    }

    private LocalFunction start(String name, Map<String, String> environment, Path logs, int environments)
            throws IOException {
        LocalFunction function = LocalFunction.start(settings.root(), name,
                settings.root().resolve("functions").resolve(name).resolve("target/function.zip"), environment, logs,
                LocalFunction.HTTP_FUNCTIONS.contains(name) ? LocalFunction.HTTP_HANDLER : LocalFunction.HANDLER,
                environments);
        running.add(function);
        return function;
    }

    /**
     * One run of the train function's code as the Fargate task runs it, here as a plain {@code java -jar} of the
     * packaged runner jar on the emulators (after {@link #run()}): its exit code and the summary it printed.
     */
    public record TaskRun(int exitCode, JsonNode summary) {
    }

    /** The storefront demo page, showing a shopper's recommendations on first load. */
    public String storefrontUrl(String shopper) {
        return apiUrl() + "/storefront/?shopper=" + URLEncoder.encode(shopper, StandardCharsets.UTF_8);
    }

    public TaskRun runTrainTask(String runId, String job) throws IOException, InterruptedException {
        Path jar;
        try (var jars = Files.newDirectoryStream(settings.root().resolve("functions/train/target"), "*-runner.jar")) {
            java.util.Iterator<Path> found = jars.iterator();
            jar = found.hasNext() ? found.next() : null;
        }
        if (jar == null) {
            throw new IllegalStateException("missing functions/train/target/*-runner.jar: run ./mvnw package first");
        }
        Path log = settings.root().resolve("target/local/train-task-" + runId + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", jar.toString()).redirectError(log.toFile());
        builder.environment().putAll(environment(aws));
        builder.environment().put("OMNIREC_TASK_RUN_ID", runId);
        builder.environment().put("OMNIREC_TASK_JOB", job);
        builder.environment().put("AWS_REGION", "us-east-1");
        Process process = builder.start();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the train task did not finish in 10 minutes; see " + log);
        }
        JsonNode summary = null;
        for (String line : lines) {
            if (line.startsWith("{")) {
                JsonNode node = JSON.readTree(line);
                if (node.has("status") && node.has("aggregatesVersion")) {
                    summary = node;
                }
            }
        }
        return new TaskRun(process.exitValue(), summary);
    }

    private static Map<String, String> environment(LocalAws aws) {
        Map<String, String> env = new HashMap<>();
        for (String service : List.of("DYNAMODB", "S3")) {
            String prefix = "QUARKUS_" + service + "_";
            env.put(prefix + "ENDPOINT_OVERRIDE", (service.equals("S3") ? aws.s3Endpoint() : aws.dynamoEndpoint()).toString());
            env.put(prefix + "AWS_REGION", "us-east-1");
            env.put(prefix + "AWS_CREDENTIALS_TYPE", "static");
            env.put(prefix + "AWS_CREDENTIALS_STATIC_PROVIDER_ACCESS_KEY_ID", LocalAws.ACCESS_KEY);
            env.put(prefix + "AWS_CREDENTIALS_STATIC_PROVIDER_SECRET_ACCESS_KEY", LocalAws.SECRET_KEY);
        }
        env.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
        return env;
    }

    /** Names for the sample's stores, as a retailer's store directory would give them. */
    private static String storesCsv(SyntheticDataset data) {
        List<String> names = List.of("Riverside", "Old Town", "Harbour", "Hillside", "Market Square", "Northgate",
                "Lakeside", "Station Road");
        List<String> stores = data.customers().stream().map(c -> c.homeStoreId()).filter(java.util.Objects::nonNull)
                .distinct().sorted().toList();
        StringBuilder csv = new StringBuilder("store_id,name\n");
        for (int i = 0; i < stores.size(); i++) {
            csv.append(stores.get(i)).append(',').append(names.get(i % names.size()))
                    .append(i < names.size() ? "" : " " + (i / names.size() + 1)).append('\n');
        }
        return csv.toString();
    }

    private JsonNode importSample(S3Client s3, String bucket, LocalFunction features, SyntheticDataset data)
            throws IOException {
        Map<String, String> uploads = new LinkedHashMap<>();
        uploads.put("imports/catalog/sample catalog.csv", data.catalogCsv());
        uploads.put("imports/customers/sample customers.csv", data.customersCsv());
        uploads.put("imports/stores/sample stores.csv", storesCsv(data));
        return invokeJson(features, new S3Notifications(settings.root(), s3, bucket).upload(uploads));
    }

    private long[] sendEvents(SyntheticDataset data) {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create(apiUrl() + "/v1/events");
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<JsonNode>> answers = data.eventBatches(100).stream()
                    .map(body -> CompletableFuture.supplyAsync(() -> post(client, uri, body), senders))
                    .toList();
            long accepted = 0;
            long duplicates = 0;
            for (CompletableFuture<JsonNode> future : answers) {
                JsonNode answer = future.join();
                accepted += answer.path("accepted").asLong();
                duplicates += answer.path("duplicates").asLong();
            }
            return new long[] {accepted, duplicates};
        } finally {
            senders.shutdown();
        }
    }

    private static JsonNode post(HttpClient client, URI uri, String body) {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /v1/events answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST /v1/events failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode invokeJson(LocalFunction function, String event) throws IOException {
        LambdaRuntimeApi.Result result = function.invoke(event);
        if (result.error()) {
            throw new IllegalStateException(function.name() + " failed: " + result.body());
        }
        return JSON.readTree(result.body());
    }

    private static String busiestBuyer(SyntheticDataset data) {
        return data.events().stream().filter(e -> e.type() == EventType.PURCHASE)
                .collect(Collectors.groupingBy(ShopperEvent::userId, Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .orElseThrow().getKey();
    }

    /** The durables the shopper bought: never to be recommended again (consumables may be, for a repurchase). */
    private static Set<String> purchases(SyntheticDataset data, String userId) {
        Set<String> durables = data.items().stream().filter(i -> !i.consumable()).map(i -> i.itemId())
                .collect(Collectors.toSet());
        return data.events().stream().filter(e -> e.userId().equals(userId) && e.type() == EventType.PURCHASE)
                .map(ShopperEvent::itemId).filter(durables::contains).collect(Collectors.toSet());
    }

    /** Stops the functions, the API and the emulators. */
    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                out.println("could not stop " + running.get(i) + ": " + e.getMessage());
            }
        }
        running.clear();
    }

    /**
     * {@code java io.omnirec.local.OmnirecLocal}: the end-to-end run on fixed ports (DynamoDB 4567, S3 4569, API
     * 8080; override with OMNIREC_LOCAL_DYNAMODB_PORT, OMNIREC_LOCAL_S3_PORT, OMNIREC_LOCAL_API_PORT), data in
     * {@code .local/}, then serving until interrupted. {@code --once} stops after the sample call. {@code --bench}
     * runs on free ports with the emulators' data in memory, measures (see {@link #benchmark}; {@code --quick} for
     * {@link BenchSizes#QUICK}), writes every figure to {@code --json FILE} when given, and stops;
     * {@code --bench-imports N} runs only the import benchmark, with N interaction rows; {@code --bench-cold N} only
     * the cold starts, N rounds.
     */
    public static void main(String[] args) throws Exception {
        List<String> arguments = List.of(args);
        int importsOnly = arguments.indexOf("--bench-imports");
        int coldOnly = arguments.indexOf("--bench-cold");
        boolean bench = arguments.contains("--bench") || importsOnly >= 0 || coldOnly >= 0;
        Path root = LocalAws.repoRoot();
        Settings settings = bench
                ? new Settings(root, null, LocalAws.freePort(), LocalAws.freePort(), 0, sampleData())
                : new Settings(root, root.resolve(".local"), port("OMNIREC_LOCAL_DYNAMODB_PORT", 4567),
                        port("OMNIREC_LOCAL_S3_PORT", 4569), port("OMNIREC_LOCAL_API_PORT", 8080), sampleData());
        OmnirecLocal local = new OmnirecLocal(settings, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(local::close, "stop-omnirec-local"));
        Report report;
        try {
            report = local.run();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
            return;
        }
        if (importsOnly >= 0) {
            runThenExit(() -> local.benchmarkImports(Integer.parseInt(arguments.get(importsOnly + 1))));
        }
        if (coldOnly >= 0) {
            runThenExit(() -> local.benchmarkColdStarts(Integer.parseInt(arguments.get(coldOnly + 1))));
        }
        if (bench) {
            runThenExit(() -> {
                Benchmarks benchmarks = local.benchmark(arguments.contains("--quick") ? BenchSizes.QUICK
                        : BenchSizes.FULL);
                int json = arguments.indexOf("--json");
                if (json >= 0 && json + 1 < arguments.size()) {
                    Path file = Path.of(arguments.get(json + 1)).toAbsolutePath();
                    Files.createDirectories(file.getParent());
                    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), benchmarks.toJson());
                }
            });
        }
        if (arguments.contains("--once")) {
            System.exit(0);
        }
        System.out.println();
        System.out.println("Omnirec is serving on " + local.apiUrl() + " (POST /v1/events, GET /v1/users/{id}/"
                + "recommendations; every route at " + local.apiUrl() + "/q/swagger-ui/).");
        System.out.println("Storefront demo: " + local.storefrontUrl(report.shopper()));
        System.out.println("Press Ctrl-C to stop.");
        Thread.currentThread().join();
    }

    /** A benchmark run from the command line. */
    @FunctionalInterface
    private interface CommandLineRun {
        void run() throws Exception;
    }

    /** Runs {@code run}, then ends the process: status 0 when it finished, 1 (with the stack trace) when it failed. */
    private static void runThenExit(CommandLineRun run) {
        try {
            run.run();
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
