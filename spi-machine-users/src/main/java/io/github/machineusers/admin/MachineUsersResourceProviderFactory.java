package io.github.machineusers.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Serves the machine-user admin API at {@code /admin/realms/{realm}/machine-users}. */
public class MachineUsersResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "machine-users";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new MachineUsersResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
