package io.github.machineusers.jpa;

import java.util.function.Supplier;

import io.github.machineusers.jpa.entity.FederatedCredentialEntity;
import io.github.machineusers.keys.FederatedCredentialIds;
import io.github.machineusers.model.FederatedCredentialModel;
import io.github.machineusers.model.FederatedCredentialStore;
import io.github.machineusers.model.FederatedSubjectTakenException;
import io.github.machineusers.model.FederatedSubjectsVersion;
import io.github.machineusers.model.NewFederatedCredential;
import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Federated credentials in MU_FEDERATED_CREDENTIAL; every change renews the machine user's credential stamp. */
class JpaFederatedCredentialStore extends JpaCredentialStore<FederatedCredentialEntity, FederatedCredentialModel>
        implements FederatedCredentialStore {

    JpaFederatedCredentialStore(KeycloakSession session, Supplier<EntityManager> em) {
        super(session, em, FederatedCredentialEntity.class, "federated credentials", new Queries("mu.federatedCredentialsOfMachineUser",
                "mu.removeFederatedCredential", "mu.removeFederatedCredentialsOfMachineUser", "mu.removeFederatedCredentialsOfRealm"));
    }

    @Override
    protected FederatedCredentialModel adapt(FederatedCredentialEntity entity, Runnable changed) {
        return new JpaFederatedCredentialAdapter(entity, changed);
    }

    @Override
    protected boolean looksLikeId(String id) {
        return FederatedCredentialIds.looksLikeId(id);
    }

    @Override
    public FederatedCredentialModel add(RealmModel realm, String machineUserId, NewFederatedCredential credential, int limit) {
        if (getBySubject(realm, credential.identityProviderId(), credential.subject()) != null) {
            throw new FederatedSubjectTakenException(credential.identityProviderAlias(), credential.subject());
        }
        // A concurrent create of the same subject that passes this check too meets the unique constraint on
        // (realm, provider, subject) and is refused like a race for the last slot.
        FederatedCredentialEntity entity = new FederatedCredentialEntity();
        entity.setIdentityProviderAlias(credential.identityProviderAlias());
        entity.setIdentityProviderId(credential.identityProviderId());
        entity.setSubject(credential.subject());
        FederatedCredentialModel added = insert(realm, machineUserId, entity, credential.id(), credential.description(),
                credential.expiresAt(), credential.createdBy(), limit);
        FederatedSubjectsVersion.renew(realm);
        return added;
    }

    @Override
    public FederatedCredentialModel getBySubject(RealmModel realm, String identityProviderId, String subject) {
        return em.get().createNamedQuery("mu.federatedCredentialBySubject", FederatedCredentialEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("identityProviderId", identityProviderId)
                .setParameter("subject", subject)
                .getResultStream()
                .findFirst()
                .map(this::adapt)
                .orElse(null);
    }
}
