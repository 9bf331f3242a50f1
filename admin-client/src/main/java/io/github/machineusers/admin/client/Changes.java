package io.github.machineusers.admin.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of a partial update, for the {@code update(JsonNode)} methods. The admin API's PUTs
 * change only the fields a request names and clear a field sent as {@code null}, but the
 * {@code Keycloak} client leaves every null field out of a representation it sends. To clear a
 * field (move a machine user to the top level, drop a key's expiry, lift the key-lifetime cap),
 * name it here:
 *
 * <pre>{@code
 * machineUser.update(Changes.of("partition", null));
 * key.update(Changes.of("expiresAt", null, "description", "no expiry"));
 * }</pre>
 */
public final class Changes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Changes() {
    }

    /** Field names and values in turn; a value may be null, a string, a number, a boolean, a list or a map. */
    public static ObjectNode of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Expected field names and values in pairs");
        }
        ObjectNode changes = MAPPER.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!(namesAndValues[i] instanceof String name)) {
                throw new IllegalArgumentException("Field name expected at position " + i + ": " + namesAndValues[i]);
            }
            changes.set(name, MAPPER.valueToTree(namesAndValues[i + 1]));
        }
        return changes;
    }
}
