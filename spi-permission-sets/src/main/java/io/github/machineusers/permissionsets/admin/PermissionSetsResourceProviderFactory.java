package io.github.machineusers.permissionsets.admin;

import io.github.machineusers.rest.AdminResourceProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Serves {@code /admin/realms/{realm}/permission-sets}. */
public class PermissionSetsResourceProviderFactory extends AdminResourceProviderFactory {

    public static final String ID = "permission-sets";

    @Override
    protected Object resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new PermissionSetsResource(session, realm, auth, adminEvent);
    }

    @Override
    public String getId() {
        return ID;
    }
}
