package io.github.machineusers.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An access key. The pair (machine user, slot) is unique and the slot is bounded by a check
 * constraint, so the database itself caps how many keys one machine user can hold.
 */
@Entity
@Table(name = "MU_ACCESS_KEY")
@NamedQueries({
        @NamedQuery(name = "mu.keysOfMachineUser",
                query = "select k from AccessKeyEntity k where k.realmId = :realmId and k.machineUserId = :machineUserId order by k.slot"),
        @NamedQuery(name = "mu.removeKeysOfMachineUser",
                query = "delete from AccessKeyEntity k where k.realmId = :realmId and k.machineUserId = :machineUserId"),
        @NamedQuery(name = "mu.removeKey",
                query = "delete from AccessKeyEntity k where k.id = :id and k.realmId = :realmId"),
        @NamedQuery(name = "mu.removeKeysOfRealm",
                query = "delete from AccessKeyEntity k where k.realmId = :realmId"),
        @NamedQuery(name = "mu.touchKey",
                query = "update AccessKeyEntity k set k.lastUsedAt = :time where k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :time)")
})
public class AccessKeyEntity extends CredentialEntity {

    @Column(name = "SECRET_HASH", length = 64, nullable = false)
    private String secretHash;

    public String getSecretHash() {
        return secretHash;
    }

    public void setSecretHash(String secretHash) {
        this.secretHash = secretHash;
    }
}
