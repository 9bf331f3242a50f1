package io.github.machineusers.manage;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import io.github.machineusers.authorization.MachineUserPermissions;
import io.github.machineusers.model.ProviderIds;
import io.github.machineusers.permissionsets.PermissionSetsMapper;
import org.keycloak.Config;
import org.keycloak.authentication.authenticators.client.FederatedJWTClientAuthenticator;
import org.keycloak.authentication.authenticators.client.JWTClientAuthenticator;
import org.keycloak.authentication.authenticators.client.JWTClientSecretAuthenticator;
import org.keycloak.authentication.authenticators.client.X509ClientAuthenticator;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;

/**
 * What every realm needs for machine users, made idempotently for new, imported and existing
 * realms: the two admin roles, the access-key client authenticator in the realm's client
 * authentication flow, and the client scope that carries the machine-user token claims.
 */
public final class MachineUserRealmSetup {

    public static final String MANAGE_ROLE = MachineUserPermissions.MANAGE_ROLE;
    public static final String VIEW_ROLE = MachineUserPermissions.VIEW_ROLE;
    public static final String CLIENT_SCOPE = "machine-user";
    static final String ACCESS_KEY_ID_MAPPER = "access key id";
    static final String PERMISSION_SETS_MAPPER = "permission sets";
    static final String PARTITIONS_MAPPER = "partitions";

    /** Keycloak's client authenticators that read a client assertion or a certificate: ours runs before them. */
    private static final Set<String> ASSERTION_READERS = Set.of(JWTClientAuthenticator.PROVIDER_ID,
            JWTClientSecretAuthenticator.PROVIDER_ID, X509ClientAuthenticator.PROVIDER_ID, FederatedJWTClientAuthenticator.PROVIDER_ID);

    private MachineUserRealmSetup() {
    }

    public static void apply(KeycloakSession session, RealmModel realm) {
        ensureAdminRoles(session, realm);
        ensureClientAuthenticator(realm);
        ensureClientScope(realm);
    }

    private static void ensureAdminRoles(KeycloakSession session, RealmModel realm) {
        // Administrators of the master realm reach every realm through its "<realm>-realm" client.
        ClientModel masterAdminApp = realm.getMasterAdminClient();
        RealmModel master = session.realms().getRealmByName(Config.getAdminRealm());
        if (masterAdminApp != null && master != null) {
            includeIn(master.getRole(AdminRoles.ADMIN), ensureRoles(masterAdminApp));
        }
        if (!realm.getName().equals(Config.getAdminRealm())) {
            ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
            if (realmManagement != null) {
                includeIn(realmManagement.getRole(AdminRoles.REALM_ADMIN), ensureRoles(realmManagement));
            }
        }
    }

    private static RoleModel[] ensureRoles(ClientModel app) {
        RoleModel view = ensureRole(app, VIEW_ROLE, "View machine users, their keys, history and usage");
        RoleModel manage = ensureRole(app, MANAGE_ROLE, "Create, change, suspend and delete machine users and their keys");
        if (manage.getCompositesStream().noneMatch(view::equals)) {
            manage.addCompositeRole(view);
        }
        return new RoleModel[]{manage, view};
    }

    private static RoleModel ensureRole(ClientModel app, String name, String description) {
        RoleModel role = app.getRole(name);
        if (role == null) {
            role = app.addRole(name);
            role.setDescription(description);
        }
        return role;
    }

    private static void includeIn(RoleModel composite, RoleModel[] roles) {
        if (composite == null) {
            return;
        }
        for (RoleModel role : roles) {
            // Direct membership, like Keycloak's own view-* and manage-* roles in realm-admin.
            if (composite.getCompositesStream().noneMatch(role::equals)) {
                composite.addCompositeRole(role);
            }
        }
    }

    /**
     * Our authenticator in the realm's client authentication flow, just after Keycloak's client-secret one and before
     * those that read a client assertion or a certificate. After client-secret: a client whose id has the shape of
     * a key id is found by it (see the authenticator). Before the others: they would each look a machine user's
     * assertion over first (client-jwt and client-secret-jwt build a validator, only to find the client is not
     * theirs), and Keycloak's federated one reads the database for every subject no stock client claims, without
     * remembering the miss; ours remembers the subjects no machine user trusts, so it costs a stock client next to
     * nothing to pass it first.
     */
    private static void ensureClientAuthenticator(RealmModel realm) {
        AuthenticationFlowModel flow = realm.getClientAuthenticationFlow();
        if (flow == null) {
            return;
        }
        List<AuthenticationExecutionModel> executions = realm.getAuthenticationExecutionsStream(flow.getId()).toList();
        OptionalInt firstAssertionReader = executions.stream()
                .filter(e -> ASSERTION_READERS.contains(e.getAuthenticator()))
                .mapToInt(AuthenticationExecutionModel::getPriority).min();
        AuthenticationExecutionModel ours = executions.stream()
                .filter(e -> ProviderIds.CLIENT_AUTHENTICATOR.equals(e.getAuthenticator()))
                .findFirst().orElse(null);
        if (ours != null) {
            if (firstAssertionReader.isPresent() && ours.getPriority() >= firstAssertionReader.getAsInt()) {
                ours.setPriority(firstAssertionReader.getAsInt() - 1);
                realm.updateAuthenticatorExecution(ours);
            }
            return;
        }
        int lastPriority = executions.stream().mapToInt(AuthenticationExecutionModel::getPriority).max().orElse(0);
        AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
        execution.setParentFlow(flow.getId());
        execution.setAuthenticator(ProviderIds.CLIENT_AUTHENTICATOR);
        execution.setRequirement(AuthenticationExecutionModel.Requirement.ALTERNATIVE);
        execution.setAuthenticatorFlow(false);
        execution.setPriority(firstAssertionReader.isPresent() ? firstAssertionReader.getAsInt() - 1 : lastPriority + 10);
        realm.addAuthenticatorExecution(execution);
    }

    public static ClientScopeModel ensureClientScope(RealmModel realm) {
        ClientScopeModel scope = machineUserScope(realm);
        if (scope == null) {
            scope = realm.addClientScope(CLIENT_SCOPE);
            scope.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
            scope.setDescription("Token claims of machine users (access key id, permission sets, partitions)");
            scope.setIncludeInTokenScope(false);
            scope.setDisplayOnConsentScreen(false);
        }
        ensureMapper(scope, ACCESS_KEY_ID_MAPPER, ProviderIds.ACCESS_KEY_ID_MAPPER);
        ensureMapper(scope, PERMISSION_SETS_MAPPER, PermissionSetsMapper.PROVIDER_ID);
        ensureMapper(scope, PARTITIONS_MAPPER, ProviderIds.PARTITIONS_MAPPER);
        return scope;
    }

    private static void ensureMapper(ClientScopeModel scope, String name, String mapperType) {
        if (scope.getProtocolMapperByName(OIDCLoginProtocol.LOGIN_PROTOCOL, name) != null) {
            return;
        }
        ProtocolMapperModel mapper = new ProtocolMapperModel();
        mapper.setName(name);
        mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        mapper.setProtocolMapper(mapperType);
        Map<String, String> config = new HashMap<>();
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true");
        config.put(OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, "true");
        mapper.setConfig(config);
        scope.addProtocolMapper(mapper);
    }

    public static ClientScopeModel machineUserScope(RealmModel realm) {
        return realm.getClientScopesStream().filter(s -> CLIENT_SCOPE.equals(s.getName())).findFirst().orElse(null);
    }
}
