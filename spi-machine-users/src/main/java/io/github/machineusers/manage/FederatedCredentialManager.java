package io.github.machineusers.manage;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.machineusers.federation.ClientAssertionIssuers;
import io.github.machineusers.keys.FederatedCredentialIds;
import io.github.machineusers.model.Actor;
import io.github.machineusers.model.FederatedCredentialModel;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.NewFederatedCredential;
import io.github.machineusers.validation.Validation;
import org.keycloak.common.util.Time;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The federated-credential operations of the admin API, with the realm policy applied and every change in the history. */
public class FederatedCredentialManager {

    public static final String NOT_FOUND = "Federated credential not found";
    /** As long as Keycloak lets a subject be in a client's jwt.credential.sub attribute's column. */
    static final int MAX_SUBJECT = 255;

    /** What was asked for: trust the tokens of one identity provider for one subject. */
    public record Request(String identityProvider, String subject, String description, Long expiresAt) {
    }

    private final KeycloakSession session;
    private final RealmModel realm;
    private final MachineUserProvider provider;

    public FederatedCredentialManager(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.provider = session.getProvider(MachineUserProvider.class);
    }

    /**
     * @throws io.github.machineusers.model.CredentialLimitReachedException at the policy's limit
     * @throws io.github.machineusers.model.FederatedSubjectTakenException when a machine user of the realm already trusts the subject
     */
    public FederatedCredentialModel add(MachineUser machineUser, Request request, Actor actor) {
        String alias = Validation.requiredText("identityProvider", request.identityProvider(), Validation.MAX_NAME);
        if (request.subject() != null && !request.subject().equals(request.subject().strip())) {
            throw Validation.badRequest("Field 'subject' must not begin or end with white space: it is compared exactly");
        }
        String subject = Validation.requiredText("subject", request.subject(), MAX_SUBJECT);
        String description = Validation.optionalText("description", request.description(), Validation.MAX_DESCRIPTION);
        MachineUserPolicy policy = MachineUserPolicy.of(realm);
        Long expiresAt = Validation.keyExpiry("expiresAt", request.expiresAt(), policy, Time.currentTimeMillis());
        IdentityProviderModel identityProvider = ClientAssertionIssuers.byAlias(session, alias);
        if (identityProvider == null) {
            throw Validation.badRequest("Field 'identityProvider' must name an enabled identity provider of this realm that"
                    + " verifies client assertions (OpenID Connect with 'Supports client assertions', Kubernetes or SPIFFE)");
        }
        int limit = Math.min(policy.maxFederatedCredentialsPerMachineUser(), MachineUserPolicy.MAX_FEDERATED_CREDENTIALS);
        FederatedCredentialModel credential = provider.federatedCredentials().add(realm, machineUser.id(),
                new NewFederatedCredential(FederatedCredentialIds.newId(), identityProvider.getAlias(), identityProvider.getInternalId(),
                        subject, description, expiresAt, actor.username()), limit);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keyId", credential.getId());
        details.put("identityProvider", credential.getIdentityProviderAlias());
        details.put("subject", credential.getSubject());
        if (credential.getExpiresAt() != null) {
            details.put("expiresAt", credential.getExpiresAt());
        }
        provider.history().record(realm, machineUser.id(), credential.getKind().created(), actor, details);
        return credential;
    }

    /** Applies the status, expiry and description the changes set, as for every kind of credential. */
    public void update(MachineUser machineUser, FederatedCredentialModel credential, CredentialChanges changes, Actor actor) {
        new CredentialLifecycle(realm, provider).update(machineUser, credential, changes, actor);
    }

    public void delete(MachineUser machineUser, FederatedCredentialModel credential, Actor actor) {
        new CredentialLifecycle(realm, provider).delete(machineUser, credential,
                () -> provider.federatedCredentials().remove(realm, credential.getId()), NOT_FOUND, actor);
    }
}
