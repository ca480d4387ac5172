package io.omnirec.infra;

import io.omnirec.core.training.ScheduleEvents;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.IgnoreMode;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.ContainerOverride;
import software.amazon.awscdk.services.events.targets.EcsTask;
import software.amazon.awscdk.services.events.targets.TaskEnvironmentVariable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training past one Lambda run: the train function's own code ({@code TrainTask}, {@code java -jar} of its runner
 * jar) as a Fargate task, in a container image built from {@code functions/train} by
 * {@code cdk deploy} (synth only stages the files; it needs no Docker). When the events table holds more than the
 * threshold, the train function puts a hand-over event on the default bus and this rule starts the task with the
 * delivery's id, job and runner. The network has public subnets only and no NAT gateway, so nothing here costs
 * anything until a task runs.
 */
public final class TrainingTask extends Construct {
    static final String CONTAINER = "train";
    /** Fargate's task size: 4 vCPU and 30 GB, three times the largest Lambda. */
    static final int CPU = 4096;
    static final int MEMORY_MIB = 30720;

    public TrainingTask(Construct scope, String id, Storage storage, Functions functions, StackSettings settings) {
        super(scope, id);
        Path context = settings.artifacts().resolve("functions/train");
        if (!Files.isDirectory(context.resolve("target/lib"))) {
            throw new IllegalStateException("missing " + context.resolve("target/lib")
                    + ": build the functions first (./mvnw package)");
        }
        Vpc network = Vpc.Builder.create(this, "Network").maxAzs(2).natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder().name("tasks")
                        .subnetType(SubnetType.PUBLIC).cidrMask(24).build()))
                .gatewayEndpoints(Map.of(
                        "S3", GatewayVpcEndpointOptions.builder().service(GatewayVpcEndpointAwsService.S3).build(),
                        "DynamoDB", GatewayVpcEndpointOptions.builder()
                                .service(GatewayVpcEndpointAwsService.DYNAMODB).build()))
                .build();
        Cluster cluster = Cluster.Builder.create(this, "Cluster").vpc(network).build();
        SecurityGroup outboundOnly = SecurityGroup.Builder.create(this, "OutboundOnly").vpc(network)
                .description("Omnirec training task: no inbound traffic").allowAllOutbound(true).build();

        FargateTaskDefinition definition = FargateTaskDefinition.Builder.create(this, "Definition")
                .cpu(CPU).memoryLimitMiB(MEMORY_MIB).build();
        Map<String, String> environment = new LinkedHashMap<>(Functions.environment(storage));
        environment.put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=80");
        LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        definition.addContainer(CONTAINER, ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromAsset(context.toString(), AssetImageProps.builder()
                        .file("src/main/docker/Dockerfile.task")
                        .ignoreMode(IgnoreMode.DOCKER)
                        .exclude(List.of("*", "!target", "target/*", "!target/lib", "!target/*-runner.jar",
                                "!src", "src/*", "!src/main", "src/main/*", "!src/main/docker"))
                        .build()))
                .environment(environment)
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder().streamPrefix("train").logGroup(logs).build()))
                .build());
        Functions.grantTraining(definition.getTaskRole(), storage);

        Rule.Builder.create(this, "HandOver")
                .description("Omnirec: run a training delivery the train function handed over")
                .eventPattern(EventPattern.builder().source(List.of(ScheduleEvents.HAND_OVER_SOURCE))
                        .detailType(List.of(ScheduleEvents.HAND_OVER_DETAIL_TYPE)).build())
                .targets(List.of(EcsTask.Builder.create().cluster(cluster).taskDefinition(definition)
                        .subnetSelection(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                        .assignPublicIp(true).securityGroups(List.of(outboundOnly))
                        .containerOverrides(List.of(ContainerOverride.builder().containerName(CONTAINER)
                                .environment(List.of(
                                        variable("OMNIREC_TASK_RUN_ID", "$.detail.runId"),
                                        variable("OMNIREC_TASK_JOB", "$.detail.job"),
                                        variable("OMNIREC_TASK_RUNNER", "$.detail.runner")))
                                .build()))
                        .deadLetterQueue(functions.deadLetters(OmnirecFunction.TRAIN))
                        .retryAttempts(2).maxEventAge(Duration.hours(2))
                        .build()))
                .build();

        Function train = functions.function(OmnirecFunction.TRAIN);
        train.addEnvironment("OMNIREC_TASK_EVENT_BUS", "default");
        train.addEnvironment("OMNIREC_TASK_THRESHOLD_EVENTS", Long.toString(settings.taskThresholdEvents()));
        train.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("events:PutEvents"))
                .resources(List.of(Stack.of(this).formatArn(software.amazon.awscdk.ArnComponents.builder()
                        .service("events").resource("event-bus").resourceName("default").build())))
                .build());
        train.addToRolePolicy(PolicyStatement.Builder.create().actions(List.of("dynamodb:DescribeTable"))
                .resources(List.of(storage.events().getTableArn())).build());
    }

    private static TaskEnvironmentVariable variable(String name, String path) {
        return TaskEnvironmentVariable.builder().name(name).value(EventField.fromPath(path)).build();
    }
}
