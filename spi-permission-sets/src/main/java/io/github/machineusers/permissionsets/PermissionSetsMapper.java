package io.github.machineusers.permissionsets;

import io.github.machineusers.claims.MachineUserClaimMapper;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.IDToken;

/**
 * Adds {@code permission_sets}: the names of the sets the subject holds directly or through its
 * groups. The roles inside the sets reach the token through Keycloak's own role claims.
 */
public class PermissionSetsMapper extends MachineUserClaimMapper {

    public static final String PROVIDER_ID = "machine-user-permission-sets-mapper";
    public static final String CLAIM = "permission_sets";

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        if (userSession != null && userSession.getUser() != null) {
            token.getOtherClaims().put(CLAIM, PermissionSets.effectiveNames(userSession.getUser()));
        }
    }

    @Override
    public String getDisplayType() {
        return "Permission sets";
    }

    @Override
    public String getHelpText() {
        return "Adds the names of the permission sets granted to the subject, directly or through groups, as claim '" + CLAIM + "'.";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
