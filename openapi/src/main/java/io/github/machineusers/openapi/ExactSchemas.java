package io.github.machineusers.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.machineusers.admin.MachineUserResource;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.rest.Paging;
import io.github.machineusers.validation.Validation;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Makes the generated document say exactly what the server accepts: lengths, ranges and enums from the
 * same constants the server validates with, which fields a create needs, which may be sent as null
 * (null clears a field, or means "absent"), which only answers carry, and the types of query parameters
 * the resources read as text so that a bad value is a clear 400.
 */
final class ExactSchemas {

    /** Request bodies of creates and the fields they need; an update takes any subset. */
    private static final Map<String, List<String>> REQUIRED_ON_CREATE = Map.of(
            "/admin/realms/{realm}/machine-users", List.of("name"),
            "/admin/realms/{realm}/permission-sets", List.of("name"),
            "/admin/realms/{realm}/partitions", List.of("name"),
            "/admin/realms/{realm}/machine-user-groups", List.of("name"));

    private ExactSchemas() {
    }

    static void apply(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();

        Schema create = schemas.get("CreateMachineUserRepresentation");
        text(create, "name", Validation.MAX_NAME, false);
        property(create, "clientId").maxLength(Validation.MAX_NAME).pattern("^[A-Za-z0-9][A-Za-z0-9._:@-]*$");
        nullable(create, "clientId");
        text(create, "description", Validation.MAX_DESCRIPTION, true);
        text(create, "notificationEmail", Validation.MAX_EMAIL, true);
        nullable(create, "partition");
        lifespan(create, "accessTokenLifespan");
        nullable(create, "generateKey");
        nullable(create, "keyExpiresAt");
        nullable(create, "permissionSets");
        nullable(create, "groups");

        Schema machineUser = schemas.get("MachineUserRepresentation");
        text(machineUser, "name", Validation.MAX_NAME, false);
        text(machineUser, "description", Validation.MAX_DESCRIPTION, true);
        text(machineUser, "notificationEmail", Validation.MAX_EMAIL, true);
        nullable(machineUser, "partition");
        lifespan(machineUser, "accessTokenLifespan");
        property(machineUser, "status").enumeration(List.<Object>of("ACTIVE", "SUSPENDED"));
        readOnly(machineUser, "id", "clientId", "status", "suspendedReason", "permissionSets", "groups", "createdAt", "createdBy",
                "accessKey", "access");

        Schema key = schemas.get("AccessKeyRepresentation");
        property(key, "status").enumeration(List.<Object>of("ACTIVE", "INACTIVE", "EXPIRED"));
        text(key, "description", Validation.MAX_DESCRIPTION, true);
        nullable(key, "expiresAt");
        readOnly(key, "id", "createdAt", "createdBy", "lastUsedAt", "secret");

        Schema createKey = schemas.get("CreateAccessKeyRepresentation");
        text(createKey, "description", Validation.MAX_DESCRIPTION, true);
        nullable(createKey, "expiresAt");

        Schema suspension = schemas.get("SuspensionRepresentation");
        text(suspension, "reason", Validation.MAX_REASON, true);

        Schema policy = schemas.get("MachineUserPolicyRepresentation");
        range(policy, "maxKeysPerMachineUser", MachineUserPolicy.MIN_KEYS, MachineUserPolicy.MAX_KEYS, false);
        range(policy, "maxKeyLifetimeDays", 1, MachineUserPolicy.MAX_LIFETIME_DAYS, true);
        Schema warningDays = property(policy, "keyExpiryWarningDays");
        warningDays.maxItems(MachineUserPolicy.MAX_WARNINGS).uniqueItems(true);
        warningDays.getItems().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(MachineUserPolicy.MAX_WARNING_DAYS));
        lifespan(policy, "defaultAccessTokenLifespan");
        lifespan(policy, "maxAccessTokenLifespan");
        readOnly(policy, "keysBeyondMaxLifetime");

        Schema set = schemas.get("PermissionSetRepresentation");
        text(set, "name", Validation.MAX_NAME, false);
        text(set, "description", Validation.MAX_DESCRIPTION, true);
        nullable(set, "roles");
        nullable(set, "readOnly");
        readOnly(set, "managed");

        Schema partition = schemas.get("PartitionRepresentation");
        text(partition, "name", Validation.MAX_NAME, false);
        property(partition, "name").pattern("^[^/]*$");
        nullable(partition, "parentId");
        readOnly(partition, "id", "path", "machineUsers");

        Schema group = schemas.get("MachineUserGroupRepresentation");
        text(group, "name", Validation.MAX_NAME, false);
        property(group, "name").pattern("^[^/]*$");
        text(group, "description", Validation.MAX_DESCRIPTION, true);
        nullable(group, "permissionSets");
        nullable(group, "partitions");
        readOnly(group, "id", "members");

        openAPI.getPaths().getPathItems().forEach(ExactSchemas::applyToOperations);
    }

    private static void applyToOperations(String path, PathItem item) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            Operation operation = entry.getValue();
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(ExactSchemas::typeQueryParameter);
            }
            List<String> required = REQUIRED_ON_CREATE.get(path);
            if (entry.getKey() == PathItem.HttpMethod.POST && required != null && operation.getRequestBody() != null) {
                MediaType json = operation.getRequestBody().getContent().getMediaType("application/json");
                Schema body = json.getSchema();
                json.setSchema(OASFactory.createSchema().allOf(List.of(body, OASFactory.createSchema().required(new ArrayList<>(required)))));
            }
        }
    }

    /** Query parameters are read as text so that a bad value is a 400 that names it; the document gives their real type. */
    private static void typeQueryParameter(Parameter parameter) {
        if (parameter.getIn() != Parameter.In.QUERY) {
            return;
        }
        switch (parameter.getName()) {
            case "first" -> parameter.setSchema(integer(0, null).description("Index of the first result, from 0"));
            case "max" -> parameter.setSchema(integer(0, null)
                    .description("Results at most; more than " + Paging.LIMIT + " gives " + Paging.LIMIT));
            case "days" -> parameter.setSchema(integer(1, MachineUserResource.MAX_USAGE_DAYS));
            case "status" -> parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                    .enumeration(List.<Object>of("ACTIVE", "SUSPENDED")));
            case "force", "includeSubPartitions" -> parameter.setSchema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN));
            default -> {
            }
        }
    }

    private static Schema integer(int minimum, Integer maximum) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .minimum(java.math.BigDecimal.valueOf(minimum));
        return maximum == null ? schema : schema.maximum(java.math.BigDecimal.valueOf(maximum));
    }

    private static Schema property(Schema schema, String name) {
        Schema property = schema.getProperties().get(name);
        if (property == null) {
            throw new IllegalStateException(name + " is no property of the schema; the representation changed");
        }
        return property;
    }

    private static void text(Schema schema, String name, int maxLength, boolean nullable) {
        property(schema, name).maxLength(maxLength);
        if (nullable) {
            nullable(schema, name);
        }
    }

    private static void lifespan(Schema schema, String name) {
        range(schema, name, 1, MachineUserPolicy.MAX_TOKEN_LIFESPAN_SECONDS, true);
    }

    private static void range(Schema schema, String name, int minimum, int maximum, boolean nullable) {
        property(schema, name).minimum(java.math.BigDecimal.valueOf(minimum)).maximum(java.math.BigDecimal.valueOf(maximum));
        if (nullable) {
            nullable(schema, name);
        }
    }

    /** Sent as null, the field is cleared (or, at create, left to its default). */
    private static void nullable(Schema schema, String name) {
        Schema property = property(schema, name);
        if (property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
    }

    private static void readOnly(Schema schema, String... names) {
        for (String name : names) {
            property(schema, name).readOnly(true);
        }
    }
}
