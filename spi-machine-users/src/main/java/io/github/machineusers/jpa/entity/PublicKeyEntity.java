package io.github.machineusers.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A public key of a machine user (private_key_jwt). As for access keys, the pair (machine user, slot) is unique
 * and the slot bounded by a check constraint, so the database caps how many one machine user holds.
 */
@Entity
@Table(name = "MU_PUBLIC_KEY")
@NamedQueries({
        @NamedQuery(name = "mu.publicKeysOfMachineUser",
                query = "select k from PublicKeyEntity k where k.realmId = :realmId and k.machineUserId = :machineUserId order by k.slot"),
        @NamedQuery(name = "mu.removePublicKeysOfMachineUser",
                query = "delete from PublicKeyEntity k where k.realmId = :realmId and k.machineUserId = :machineUserId"),
        @NamedQuery(name = "mu.removePublicKey",
                query = "delete from PublicKeyEntity k where k.id = :id and k.realmId = :realmId"),
        @NamedQuery(name = "mu.removePublicKeysOfRealm",
                query = "delete from PublicKeyEntity k where k.realmId = :realmId"),
        @NamedQuery(name = "mu.touchPublicKey",
                query = "update PublicKeyEntity k set k.lastUsedAt = :time where k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :time)")
})
public class PublicKeyEntity extends CredentialEntity {

    /** The public JWK, with kid = ID; nothing secret. */
    @Column(name = "JWK", length = 4000, nullable = false)
    private String jwk;

    @Column(name = "ALGORITHM", length = 16, nullable = false)
    private String algorithm;

    public String getJwk() {
        return jwk;
    }

    public void setJwk(String jwk) {
        this.jwk = jwk;
    }

    public String getAlgorithm() {
        return algorithm;
    }

    public void setAlgorithm(String algorithm) {
        this.algorithm = algorithm;
    }
}
