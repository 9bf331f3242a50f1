package io.github.machineusers.it.support;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Holds every exchange of the integration suite with the machine-users API to the generated OpenAPI
 * document, as it happens: whatever the server accepted (a 2xx), the document must accept too, query
 * values and body included, and every answer must be one the document describes, with a body its schema
 * accepts. A request the document refuses may still be refused by the server for reasons no schema
 * states (an expiry in the past, an unknown partition); a request the document refuses and the server
 * accepts fails the test that sent it.
 */
final class OpenApiContract {

    private static final Pattern EXTENSION_PATHS =
            Pattern.compile("/admin/realms/[^/]+/(machine-users|permission-sets|partitions|machine-user-groups)(/.*)?");
    private static OpenApiDocument document;

    private OpenApiContract() {
    }

    static void check(AdminApi.Exchange exchange) {
        String path = exchange.uri().getRawPath();
        if (!EXTENSION_PATHS.matcher(path).matches() || path.contains("/../") || path.contains("/./")) {
            return; // Keycloak's own API, or a path the HTTP layer rewrites before any resource sees it
        }
        int status = exchange.response().status();
        if (status == 414 || status == 431) {
            return; // answered by the HTTP server before the request reached the API
        }
        if ((status == 404 || status == 405) && document().match(exchange.method(), path).isEmpty()) {
            return; // an operation the document does not have, which the server does not have either
        }
        List<String> problems = document().problems(exchange, false);
        if (!problems.isEmpty()) {
            throw new AssertionError("The OpenAPI document does not describe what the server did:\n  " + String.join("\n  ", problems));
        }
    }

    private static synchronized OpenApiDocument document() {
        if (document == null) {
            document = OpenApiDocument.generated();
        }
        return document;
    }
}
