package io.omnirec.infra;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app ({@code infra/cdk/cdk.json} runs it): one {@link OmnirecStack}, named by the {@code stackName} context
 * (default {@code Omnirec}), in the account and region of the deploying credentials.
 */
public final class OmnirecApp {

    private OmnirecApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Object name = app.getNode().tryGetContext("stackName");
        new OmnirecStack(app, name == null ? "Omnirec" : name.toString(), StackProps.builder()
                .description("Omnirec: omnichannel retail recommendations")
                .env(Environment.builder().account(System.getenv("CDK_DEFAULT_ACCOUNT"))
                        .region(System.getenv("CDK_DEFAULT_REGION")).build())
                .build(), StackSettings.fromContext(app.getNode()));
        app.synth();
    }
}
