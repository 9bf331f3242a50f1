package io.github.machineusers.admin;

import org.keycloak.events.admin.OperationType;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/** Admin events of the machine-user API, with resource types of their own so they can be filtered. */
public final class AdminEvents {

    public static final String MACHINE_USER = "MACHINE_USER";
    public static final String ACCESS_KEY = "MACHINE_USER_ACCESS_KEY";
    public static final String POLICY = "MACHINE_USER_POLICY";
    public static final String PERMISSION_SET_GRANT = "MACHINE_USER_PERMISSION_SET";
    public static final String PARTITION = "MACHINE_USER_PARTITION";
    public static final String GROUP = "MACHINE_USER_GROUP";

    private final AdminEventBuilder builder;

    AdminEvents(AdminEventBuilder builder) {
        this.builder = builder;
    }

    /** @param representation what the event shows; must never hold a secret */
    void send(OperationType operation, String resourceType, Object representation, String... path) {
        builder.operation(operation).resource(resourceType).resourcePath(path).representation(representation).success();
    }
}
