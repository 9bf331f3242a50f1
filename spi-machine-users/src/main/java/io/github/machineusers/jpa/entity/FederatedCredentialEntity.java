package io.github.machineusers.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A federated credential of a machine user. As for the other kinds, (machine user, slot) is unique and the slot
 * bounded by a check constraint; (realm, identity provider, subject) is unique too, so one external identity
 * names one machine user.
 */
@Entity
@Table(name = "MU_FEDERATED_CREDENTIAL")
@NamedQueries({
        @NamedQuery(name = "mu.federatedCredentialsOfMachineUser",
                query = "select c from FederatedCredentialEntity c where c.realmId = :realmId and c.machineUserId = :machineUserId order by c.slot"),
        @NamedQuery(name = "mu.federatedCredentialBySubject",
                query = "select c from FederatedCredentialEntity c where c.realmId = :realmId and c.identityProviderId = :identityProviderId"
                        + " and c.subject = :subject"),
        @NamedQuery(name = "mu.removeFederatedCredentialsOfMachineUser",
                query = "delete from FederatedCredentialEntity c where c.realmId = :realmId and c.machineUserId = :machineUserId"),
        @NamedQuery(name = "mu.removeFederatedCredential",
                query = "delete from FederatedCredentialEntity c where c.id = :id and c.realmId = :realmId"),
        @NamedQuery(name = "mu.removeFederatedCredentialsOfRealm",
                query = "delete from FederatedCredentialEntity c where c.realmId = :realmId"),
        @NamedQuery(name = "mu.touchFederatedCredential",
                query = "update FederatedCredentialEntity c set c.lastUsedAt = :time where c.id = :id and (c.lastUsedAt is null or c.lastUsedAt < :time)")
})
public class FederatedCredentialEntity extends CredentialEntity {

    @Column(name = "IDP_ALIAS", nullable = false)
    private String identityProviderAlias;

    @Column(name = "IDP_ID", length = 36, nullable = false)
    private String identityProviderId;

    @Column(name = "SUBJECT", nullable = false)
    private String subject;

    public String getIdentityProviderAlias() {
        return identityProviderAlias;
    }

    public void setIdentityProviderAlias(String identityProviderAlias) {
        this.identityProviderAlias = identityProviderAlias;
    }

    public String getIdentityProviderId() {
        return identityProviderId;
    }

    public void setIdentityProviderId(String identityProviderId) {
        this.identityProviderId = identityProviderId;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }
}
