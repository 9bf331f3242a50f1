package io.github.machineusers.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/** Serves {@code /admin/realms/{realm}/partitions}. */
public class PartitionsResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String ID = "partitions";

    @Override
    public AdminRealmResourceProvider create(org.keycloak.models.KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(org.keycloak.models.KeycloakSession s, org.keycloak.models.RealmModel realm,
                                      org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator auth,
                                      org.keycloak.services.resources.admin.AdminEventBuilder adminEvent) {
                return new PartitionsResource(s, realm, auth, adminEvent);
            }

            @Override
            public void close() {
            }
        };
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
