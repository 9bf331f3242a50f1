package io.github.machineusers.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The admin API's OpenAPI document as the build generated it from the code (module
 * {@code openapi}), used to check what the running server answers: each exchange must hit a
 * documented operation, answer a documented status, and carry a body that the documented schema
 * accepts. The document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12, so they are checked
 * with a plain JSON Schema validator against the document's own components.
 */
public final class OpenApiDocument {

    /** A documented operation: method and path template. */
    public record Operation(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode document;
    private final Map<Operation, Pattern> operations = new java.util.LinkedHashMap<>();
    private final JsonSchemaFactory schemas = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private OpenApiDocument(JsonNode document) {
        this.document = document;
        document.path("paths").fields().forEachRemaining(path -> {
            Pattern pattern = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
            path.getValue().fieldNames().forEachRemaining(field -> {
                if (List.of("get", "put", "post", "delete", "patch").contains(field)) {
                    operations.put(new Operation(field.toUpperCase(Locale.ROOT), path.getKey()), pattern);
                }
            });
        });
    }

    /** The document the build put on the test classpath. */
    public static OpenApiDocument generated() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/META-INF/machine-users/openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is not on the test classpath; build the openapi module");
            }
            return new OpenApiDocument(AdminApi.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode json() {
        return document;
    }

    public Set<Operation> operations() {
        return operations.keySet();
    }

    /** The documented operation a request hits; a concrete path beats a template ("count" over "{id}"). */
    public Optional<Operation> match(String method, String path) {
        return operations.entrySet().stream()
                .filter(entry -> entry.getKey().method().equals(method) && entry.getValue().matcher(path).matches())
                .map(Map.Entry::getKey)
                .min(java.util.Comparator.comparingLong(operation -> operation.path().chars().filter(c -> c == '{').count()));
    }

    /** What is wrong with this exchange in the document's eyes; empty when it agrees. */
    public List<String> problems(AdminApi.Exchange exchange) {
        return problems(exchange, true);
    }

    /**
     * @param undocumentedQueryNames whether a query parameter the document does not name is a problem; the
     *                               server ignores such parameters, so only a walk that means to send none
     *                               counts them
     */
    public List<String> problems(AdminApi.Exchange exchange, boolean undocumentedQueryNames) {
        List<String> problems = new ArrayList<>();
        String label = exchange.method() + " " + exchange.uri().getRawPath() + " -> " + exchange.response().status();
        Optional<Operation> operation = match(exchange.method(), exchange.uri().getRawPath());
        if (operation.isEmpty()) {
            problems.add(label + ": no documented operation");
            return problems;
        }
        JsonNode documented = document.path("paths").path(operation.get().path()).path(operation.get().method().toLowerCase(Locale.ROOT));
        Set<String> queryNames = documentedParameters(operation.get(), documented, "query");
        for (String name : queryNames(exchange.uri().getRawQuery())) {
            if (undocumentedQueryNames && !queryNames.contains(name)) {
                problems.add(label + ": query parameter '" + name + "' is not documented for " + operation.get());
            }
        }
        if (exchange.response().status() < 300) {
            // The server took these values, so the document must take them too.
            queryValues(exchange.uri().getRawQuery()).forEach((name, value) -> {
                JsonNode schema = querySchema(operation.get(), documented, name);
                if (schema != null) {
                    validate(schema, queryValueAsJson(schema, value), label + " query parameter '" + name + "'").forEach(problems::add);
                }
            });
        }
        // An empty object where no body is documented is what a client sends for "no body"; the server ignores both.
        if (exchange.requestBody() != null && !exchange.requestBody().isBlank() && !exchange.requestBody().strip().equals("{}")) {
            JsonNode requestSchema = documented.path("requestBody").path("content").path("application/json").path("schema");
            if (requestSchema.isMissingNode()) {
                problems.add(label + ": a body was sent, but " + operation.get() + " documents none");
            } else if (exchange.response().status() < 300) {
                validate(requestSchema, exchange.requestBody(), label + " request body").forEach(problems::add);
            }
        }
        JsonNode response = documented.path("responses").path(Integer.toString(exchange.response().status()));
        if (response.isMissingNode()) {
            problems.add(label + ": status " + exchange.response().status() + " is not documented for " + operation.get()
                    + " (documented: " + iterable(documented.path("responses").fieldNames()) + ")");
            return problems;
        }
        String body = exchange.response().body();
        JsonNode content = response.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (body != null && !body.isBlank()) {
                problems.add(label + ": answered a body, but the document says none: " + abbreviate(body));
            }
            return problems;
        }
        if (body == null || body.isBlank()) {
            problems.add(label + ": answered no body, but the document describes one");
            return problems;
        }
        JsonNode schema = content.path("application/json").path("schema");
        validate(schema, body, label + " response body").forEach(problems::add);
        return problems;
    }

    private Set<String> documentedParameters(Operation operation, JsonNode documented, String in) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode holder : List.of(documented, document.path("paths").path(operation.path()))) {
            holder.path("parameters").forEach(parameter -> {
                if (in.equals(parameter.path("in").asText())) {
                    names.add(parameter.path("name").asText());
                }
            });
        }
        return names;
    }

    private JsonNode querySchema(Operation operation, JsonNode documented, String name) {
        for (JsonNode holder : List.of(documented, document.path("paths").path(operation.path()))) {
            for (JsonNode parameter : holder.path("parameters")) {
                if ("query".equals(parameter.path("in").asText()) && name.equals(parameter.path("name").asText())) {
                    return parameter.path("schema");
                }
            }
        }
        return null;
    }

    /** A query value is text; as JSON it is a number or a boolean where its schema says so and it reads as one. */
    private static String queryValueAsJson(JsonNode schema, String value) {
        String type = schema.path("type").asText();
        if ("integer".equals(type) && value.matches("-?[0-9]{1,18}")) {
            return value;
        }
        if ("boolean".equals(type) && (value.equals("true") || value.equals("false"))) {
            return value;
        }
        return AdminApi.MAPPER.getNodeFactory().textNode(value).toString();
    }

    private static Map<String, String> queryValues(String rawQuery) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] parts = pair.split("=", 2);
                values.put(java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8),
                        parts.length < 2 ? "" : java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private List<String> validate(JsonNode schema, String body, String what) {
        JsonNode instance;
        try {
            instance = AdminApi.MAPPER.readTree(body);
        } catch (IOException e) {
            return List.of(what + " is not JSON: " + abbreviate(body));
        }
        // The schema's $refs point into the document's components, so they travel with it.
        ObjectNode standalone = AdminApi.MAPPER.createObjectNode();
        standalone.setAll((ObjectNode) schema.deepCopy());
        standalone.set("components", document.path("components"));
        Set<ValidationMessage> messages = schemas.getSchema(standalone).validate(instance);
        return messages.stream().map(message -> what + ": " + message.getMessage() + " in " + abbreviate(body)).toList();
    }

    private static List<String> queryNames(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(rawQuery.split("&")).map(pair -> pair.split("=", 2)[0]).distinct().toList();
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
