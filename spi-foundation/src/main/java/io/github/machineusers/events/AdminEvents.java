package io.github.machineusers.events;

import org.keycloak.events.admin.OperationType;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/** Admin events of a request to the bundle's admin API, sent through Keycloak's own builder. */
public final class AdminEvents {

    private final AdminEventBuilder builder;

    public AdminEvents(AdminEventBuilder builder) {
        this.builder = builder;
    }

    /**
     * @param path           from {@link AdminResource}'s path methods
     * @param representation what the event shows; must never hold a secret
     */
    public void send(OperationType operation, AdminResource resource, String path, Object representation) {
        builder.operation(operation).resource(resource.name()).resourcePath(path).representation(representation).success();
    }
}
