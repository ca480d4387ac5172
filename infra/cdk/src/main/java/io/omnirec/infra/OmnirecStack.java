package io.omnirec.infra;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * Omnirec in one stack: storage, the four functions, the HTTP API, the import notification and schedules, the
 * Fargate task training moves to when the history outgrows Lambda, and the alarms and dashboard. Idle, it runs no compute: everything is on demand.
 */
public final class OmnirecStack extends Stack {
    public OmnirecStack(Construct scope, String id, StackProps props, StackSettings settings) {
        super(scope, id, props);
        Storage storage = new Storage(this, "Storage");
        Functions functions = new Functions(this, "Functions", storage, settings);
        DemoSite site = new DemoSite(this, "Site");
        Api api = new Api(this, "Api", functions, settings, site.origin());
        site.publish(settings.artifacts().resolve("web"), api, settings);
        new Triggers(this, "Triggers", storage, functions, settings);
        new TrainingTask(this, "TrainingTask", storage, functions, settings);
        Monitoring monitoring = new Monitoring(this, "Monitoring", functions, api, settings);
        CfnOutput.Builder.create(this, "ApiUrl").description("the HTTP API's base URL")
                .value(api.http().getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "SiteUrl").description("the storefront demo (/storefront/) and the console "
                + "(/console/)").value(site.origin() + "/storefront/").build();
        CfnOutput.Builder.create(this, "ImportsBucket").description("upload catalog, customers, inventory and "
                + "history under imports/<kind>/").value(storage.imports().getBucketName()).build();
        CfnOutput.Builder.create(this, "ModelsBucket").value(storage.models().getBucketName()).build();
        CfnOutput.Builder.create(this, "TrainFunction").description("invoke with {\"source\":\"omnirec.manual\","
                + "\"id\":\"<run id>\"} to train now").value(functions.function(OmnirecFunction.TRAIN).getFunctionName())
                .build();
        CfnOutput.Builder.create(this, "AlarmTopic").value(monitoring.topic().getTopicArn()).build();
    }
}
