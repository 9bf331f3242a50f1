package io.github.machineusers.authenticator;

import io.github.machineusers.keys.PublicKeyMaterial;
import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.model.PublicKeyModel;
import org.keycloak.crypto.KeyType;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;

/**
 * What the token path needs of a public key, parsed once from its row so that a node keeps it between
 * requests: the key, ready for Keycloak's signature verifiers, and the algorithm its signatures must use.
 */
record PublicKeyCredential(String id, String algorithm, KeyWrapper key, CredentialStatus status, Long expiresAt,
                           int tokensNotBefore) implements CachedCredential {

    static PublicKeyCredential of(PublicKeyModel model) {
        KeyWrapper key = new KeyWrapper();
        key.setKid(model.getId());
        key.setAlgorithm(model.getAlgorithm());
        key.setUse(KeyUse.SIG);
        PublicKeyMaterial.Stored stored = PublicKeyMaterial.stored(model.getJwk());
        key.setPublicKey(stored.key());
        String curve = stored.curve();
        key.setType(curve != null ? KeyType.OKP : model.getAlgorithm().startsWith("ES") ? KeyType.EC : KeyType.RSA);
        key.setCurve(curve);
        return new PublicKeyCredential(model.getId(), model.getAlgorithm(), key, model.getStatus(), model.getExpiresAt(),
                model.getTokensNotBefore());
    }

    @Override
    public CredentialStatus getStatus() {
        return status;
    }

    @Override
    public Long getExpiresAt() {
        return expiresAt;
    }
}
