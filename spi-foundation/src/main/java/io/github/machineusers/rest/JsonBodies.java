package io.github.machineusers.rest;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.type.LogicalType;
import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponse;

/**
 * Reads JSON request bodies of the admin API so that every malformed body answers 400 with a
 * message naming the field, instead of whatever the JAX-RS stack makes of a binding error.
 */
public final class JsonBodies {

    /**
     * Unknown fields are ignored so that a representation read with GET can be sent back with PUT. Types
     * are exact, as the OpenAPI document states them: a number or a boolean is no name, and "3" is no number.
     */
    private static final ObjectMapper MAPPER = strict(new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false)
            .configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true));

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        for (LogicalType type : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        return mapper;
    }

    private JsonBodies() {
    }

    public static <T> T read(String body, Class<T> type) {
        return read(tree(body), type);
    }

    /** @param tree a JSON object, as {@link #tree} gives it */
    static <T> T read(JsonNode tree, Class<T> type) {
        requireNoNullElements(tree, null);
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw ErrorResponse.error(describe(e), Response.Status.BAD_REQUEST);
        }
    }

    /** An empty body counts as {}; anything else must be a JSON object. */
    public static <T> T readOptional(String body, Class<T> type) {
        return read(body == null || body.isBlank() ? "{}" : body, type);
    }

    public static JsonNode tree(String body) {
        if (body == null || body.isBlank()) {
            throw ErrorResponse.error("A JSON object is required", Response.Status.BAD_REQUEST);
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(body);
        } catch (IOException e) {
            throw ErrorResponse.error("Malformed JSON", Response.Status.BAD_REQUEST);
        }
        if (tree == null || !tree.isObject()) {
            throw ErrorResponse.error("A JSON object is required", Response.Status.BAD_REQUEST);
        }
        return tree;
    }

    /** A list may be absent, empty or null, but none of its elements may be null. */
    private static void requireNoNullElements(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    throw ErrorResponse.error("Field '" + path + "[" + i + "]' must not be null", Response.Status.BAD_REQUEST);
                }
                requireNoNullElements(node.get(i), path + "[" + i + "]");
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(field ->
                    requireNoNullElements(field.getValue(), path == null ? field.getKey() : path + "." + field.getKey()));
        }
    }

    private static String expected(Class<?> target) {
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return "must be a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        return "has the wrong type (expected " + (target == null ? "another type" : target.getSimpleName()) + ")";
    }

    private static String describe(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("?");
            return "Field '" + field + "' " + expected(mismatch.getTargetType());
        }
        return "Malformed JSON";
    }
}
