package io.omnirec.infra;

import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.Function;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The storefront demo and the operator console ({@code web/}) as a static site: a private bucket behind CloudFront
 * (origin access control, HTTPS only, {@code /storefront/} and {@code /console/} served as their {@code index.html}),
 * with a {@code config.json} that tells the pages where the API is and how it authorizes. The API lets the site's
 * origin call it (CORS) unless a storefront origin is configured.
 */
public final class DemoSite extends Construct {
    private final Bucket bucket;
    private final Distribution distribution;

    public DemoSite(Construct scope, String id) {
        super(scope, id);
        bucket = Bucket.Builder.create(this, "Files")
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Function folders = Function.Builder.create(this, "FolderIndex")
                .comment("Omnirec demo site: a folder URL serves its index.html")
                .code(FunctionCode.fromInline("function handler(event) { var request = event.request; "
                        + "if (request.uri.endsWith('/')) { request.uri += 'index.html'; } return request; }"))
                .build();
        distribution = Distribution.Builder.create(this, "Cdn")
                .comment("Omnirec storefront demo and operator console")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .functionAssociations(List.of(FunctionAssociation.builder().function(folders)
                                .eventType(FunctionEventType.VIEWER_REQUEST).build()))
                        .build())
                .build();
    }

    /** The site's origin, e.g. {@code https://d111111abcdef8.cloudfront.net}. */
    public String origin() {
        return "https://" + distribution.getDistributionDomainName();
    }

    /** Uploads {@code web/} and its {@code config.json} once the API exists. */
    public void publish(Path web, Api api, StackSettings settings) {
        if (!Files.isDirectory(web.resolve("storefront"))) {
            throw new IllegalStateException("missing " + web.resolve("storefront"));
        }
        BucketDeployment.Builder.create(this, "Publish")
                .sources(List.of(Source.asset(web.toString()), Source.jsonData("config.json", Map.of(
                        "apiUrl", api.http().getApiEndpoint(),
                        "auth", settings.storefrontJwt() ? "jwt" : "iam"))))
                .destinationBucket(bucket)
                .distribution(distribution)
                .distributionPaths(List.of("/*"))
                .build();
    }
}
