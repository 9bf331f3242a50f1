package io.github.machineusers.rest;

import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.patch.Change;
import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponse;

/**
 * The body of a PUT that keeps what it leaves out: the representation read with exact types, and
 * which fields the body names. The one place where "field present, else current value" is decided.
 */
public final class PatchBody<T> {

    private final JsonNode tree;
    private final T values;

    private PatchBody(JsonNode tree, T values) {
        this.tree = tree;
        this.values = values;
    }

    public static <T> PatchBody<T> read(String body, Class<T> type) {
        JsonNode tree = JsonBodies.tree(body);
        return new PatchBody<>(tree, JsonBodies.read(tree, type));
    }

    /** The body as read; fields it leaves out are null here, like fields sent as null. */
    public T values() {
        return values;
    }

    public boolean has(String field) {
        return tree.has(field);
    }

    /** Kept when the body leaves the field out; else the value sent, where null clears the field. */
    public <V> Change<V> change(String field, Function<T, V> value) {
        return has(field) ? Change.to(value.apply(values)) : Change.keep();
    }

    /** As {@link #change}, for a field that has no "cleared" state: null is a 400. */
    public <V> Change<V> nonNullChange(String field, Function<T, V> value) {
        Change<V> change = change(field, value);
        if (change.isSet() && change.value() == null) {
            throw ErrorResponse.error("Field '" + field + "' must not be null", Response.Status.BAD_REQUEST);
        }
        return change;
    }
}
