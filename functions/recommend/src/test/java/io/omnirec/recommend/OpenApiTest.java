package io.omnirec.recommend;

import io.omnirec.http.ApiRoutes;
import io.omnirec.testing.HttpApiContractTest;
import io.omnirec.testing.LocalAwsTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/**
 * The function serves exactly its routes of the shared route list, each documented in its OpenAPI document, which is
 * the one committed in {@code docs/openapi/}.
 */
@QuarkusTest
@QuarkusTestResource(LocalAwsTestResource.class)
class OpenApiTest extends HttpApiContractTest {

    @Override
    protected String resourcePackage() {
        return "io.omnirec.recommend";
    }

    @Override
    protected String documentName() {
        return "recommend";
    }

    @Override
    protected List<String> deployedRoutes() {
        return ApiRoutes.of(ApiRoutes.Function.RECOMMEND).stream().map(ApiRoutes.Route::key).toList();
    }
}
