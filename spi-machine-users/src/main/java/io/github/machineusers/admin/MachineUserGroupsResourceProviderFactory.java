package io.github.machineusers.admin;

import io.github.machineusers.rest.AdminResourceProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Serves {@code /admin/realms/{realm}/machine-user-groups}. */
public class MachineUserGroupsResourceProviderFactory extends AdminResourceProviderFactory {

    public static final String ID = "machine-user-groups";

    @Override
    protected Object resource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new MachineUserGroupsResource(session, realm, auth, adminEvent);
    }

    @Override
    public String getId() {
        return ID;
    }
}
