package io.omnirec.infra;

import io.omnirec.http.ApiRoutes;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpIamAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CorsHttpMethod;
import software.amazon.awscdk.services.apigatewayv2.CorsPreflightOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP API: exactly the routes of {@link ApiRoutes}, each sent to its function's live alias and authorized as
 * the list says (IAM for the retailer's servers and operators, or the JWT authorizer with the operators' scope when
 * {@code operatorScope} is configured; for storefront routes a JWT authorizer when an issuer is configured, IAM
 * otherwise; only the health check open), throttled, CORS for the storefront's origin (the demo site's unless
 * one is configured), with access logs.
 */
public final class Api extends Construct {
    private final HttpApi api;
    private final HttpStage stage;

    /**
     * @param siteOrigin the demo site's origin, allowed by CORS unless the settings name a storefront origin
     */
    public Api(Construct scope, String id, Functions functions, StackSettings settings, String siteOrigin) {
        super(scope, id);
        api = HttpApi.Builder.create(this, "Http").apiName("omnirec")
                .description("Omnirec: events, profiles, catalog and recommendations").createDefaultStage(false)
                .corsPreflight(CorsPreflightOptions.builder()
                        .allowOrigins(List.of(settings.storefrontOrigin() != null ? settings.storefrontOrigin()
                                : siteOrigin))
                        .allowMethods(List.of(CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT,
                                CorsHttpMethod.DELETE, CorsHttpMethod.OPTIONS))
                        .allowHeaders(List.of("authorization", "content-type", "x-amz-date",
                                "x-amz-security-token"))
                        .maxAge(Duration.hours(1)).build())
                .build();
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs").retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY).build();
        stage = HttpStage.Builder.create(this, "Stage").httpApi(api).stageName("$default").autoDeploy(true)
                .throttle(ThrottleSettings.builder().rateLimit(settings.throttleRate())
                        .burstLimit(settings.throttleBurst()).build())
                .accessLogSettings(new AccessLogs(new LogGroupLogDestination(accessLogs)))
                .build();

        Map<ApiRoutes.Function, HttpLambdaIntegration> integrations = new EnumMap<>(ApiRoutes.Function.class);
        integrations.put(ApiRoutes.Function.INGEST,
                new HttpLambdaIntegration("Ingest", functions.target(OmnirecFunction.INGEST)));
        integrations.put(ApiRoutes.Function.RECOMMEND,
                new HttpLambdaIntegration("Recommend", functions.target(OmnirecFunction.RECOMMEND)));
        Map<ApiRoutes.Access, IHttpRouteAuthorizer> authorizers = new EnumMap<>(ApiRoutes.Access.class);
        IHttpRouteAuthorizer iam = new HttpIamAuthorizer();
        IHttpRouteAuthorizer jwt = settings.storefrontJwt()
                ? new HttpJwtAuthorizer("Storefront", settings.jwtIssuer(), HttpJwtAuthorizerProps.builder()
                .jwtAudience(settings.jwtAudience()).build())
                : null;
        boolean operatorsByJwt = jwt != null && settings.operatorScope() != null;
        authorizers.put(ApiRoutes.Access.OPEN, new HttpNoneAuthorizer());
        authorizers.put(ApiRoutes.Access.SERVER, operatorsByJwt ? jwt : iam);
        authorizers.put(ApiRoutes.Access.CLIENT, jwt != null ? jwt : iam);
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            AddRoutesOptions.Builder options = AddRoutesOptions.builder().path(route.path())
                    .methods(List.of(HttpMethod.valueOf(route.method())))
                    .integration(integrations.get(route.function()))
                    .authorizer(authorizers.get(route.access()));
            if (operatorsByJwt && route.access() == ApiRoutes.Access.SERVER) {
                // a storefront token is not enough: operator routes need the operators' scope
                options.authorizationScopes(List.of(settings.operatorScope()));
            }
            api.addRoutes(options.build());
        }
    }

    /** Access logs as JSON with API Gateway's standard fields (request id, route, status, latency). */
    private static final class AccessLogs implements IAccessLogSettings {
        private final IAccessLogDestination destination;

        AccessLogs(IAccessLogDestination destination) {
            this.destination = destination;
        }

        @Override
        public IAccessLogDestination getDestination() {
            return destination;
        }

        @Override
        public AccessLogFormat getFormat() {
            return AccessLogFormat.jsonWithStandardFields();
        }
    }

    public HttpApi http() {
        return api;
    }

    public HttpStage stage() {
        return stage;
    }
}
