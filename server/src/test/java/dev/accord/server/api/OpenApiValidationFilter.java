package dev.accord.server.api;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.util.List;

/**
 * A rest-assured filter that checks every response against openapi.yaml: the request proceeds, then the
 * status, media type and body must be what the document promises for that operation, else the request fails
 * with an AssertionError listing the violations. Quarkus endpoints ({@code /q/...}), the UI and the document
 * itself are not checked.
 */
public class OpenApiValidationFilter implements Filter {

    private final OpenApiDocument document;

    public OpenApiValidationFilter() {
        this(OpenApiDocument.shared());
    }

    public OpenApiValidationFilter(OpenApiDocument document) {
        this.document = document;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        String path = applicationPath(request);
        if (skipped(path)) {
            return response;
        }
        String body = response.asString();
        // the context path forms are aliases (a registry URL ending in /contexts/.ctx): what they answer is
        // documented, and validated, as the operation they stand for
        String qualified = ContextPaths.rewrite(path, null);
        if (qualified != null) {
            path = qualified;
        }
        List<String> violations = document.validateResponse(request.getMethod(), path, response.getStatusCode(),
                response.getContentType(), body);
        if (!violations.isEmpty()) {
            StringBuilder message = new StringBuilder("Response does not match openapi.yaml: ")
                    .append(request.getMethod()).append(' ').append(request.getURI()).append(" -> ")
                    .append(response.getStatusCode()).append(' ').append(response.getContentType());
            for (String violation : violations) {
                message.append("\n  - ").append(violation);
            }
            message.append("\n  body: ").append(body.length() > 2000 ? body.substring(0, 2000) + "..." : body);
            throw new AssertionError(message.toString());
        }
        return response;
    }

    /** The raw request path relative to the application root (rest-assured's base path removed). */
    static String applicationPath(FilterableRequestSpecification request) {
        String path = OpenApiDocument.rawPath(request.getURI());
        String basePath = request.getBasePath();
        if (basePath != null && !basePath.isEmpty() && !basePath.equals("/")) {
            String base = basePath.endsWith("/") ? basePath.substring(0, basePath.length() - 1) : basePath;
            base = base.startsWith("/") ? base : "/" + base;
            if (path.equals(base)) {
                return "/";
            }
            if (path.startsWith(base + "/")) {
                return path.substring(base.length());
            }
        }
        return path;
    }

    static boolean skipped(String path) {
        return path.equals("/q") || path.startsWith("/q/") || path.equals("/ui") || path.startsWith("/ui/")
                || path.equals("/v1/openapi.yaml");
    }
}
