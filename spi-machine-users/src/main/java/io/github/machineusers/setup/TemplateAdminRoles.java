package io.github.machineusers.setup;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;

/**
 * Lets a realm file give its own roles administrative powers. A realm file cannot name
 * realm-management roles as composites, because that client and the machine-user roles are made
 * after the file's roles are imported. A realm role with the attribute
 * {@value #ATTRIBUTE} (values: realm-management role names) gets them as composites once the
 * realm exists. This runs only when a realm is created or imported, never later, so editing the
 * attribute afterwards grants nothing.
 */
final class TemplateAdminRoles {

    static final String ATTRIBUTE = "realm-management-roles";

    private TemplateAdminRoles() {
    }

    static void wire(RealmModel realm) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        if (management == null) {
            return;
        }
        realm.getRolesStream().forEach(role -> role.getAttributeStream(ATTRIBUTE)
                .map(management::getRole)
                .filter(adminRole -> adminRole != null && role.getCompositesStream().noneMatch(adminRole::equals))
                .toList()
                .forEach(role::addCompositeRole));
    }
}
