package io.github.machineusers.manage;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.keys.PublicKeyException;
import io.github.machineusers.keys.PublicKeyMaterial;
import io.github.machineusers.model.Actor;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.NewPublicKey;
import io.github.machineusers.model.PublicKeyModel;
import io.github.machineusers.validation.Validation;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The public-key operations of the admin API, with the realm policy applied and every change in the history. */
public class PublicKeyManager {

    public static final String KEY_NOT_FOUND = "Public key not found";

    /** What was asked for: exactly one of an uploaded JWK, an uploaded PEM, or a key pair to generate. */
    public record Request(JsonNode jwk, String pem, Boolean generate, String algorithm, String description, Long expiresAt) {
    }

    /** A stored key, and its private key in PKCS#8 PEM when the server generated it (null otherwise). */
    public record Issued(PublicKeyModel key, String privateKeyPem) {
    }

    private final RealmModel realm;
    private final MachineUserProvider provider;

    public PublicKeyManager(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        this.provider = session.getProvider(MachineUserProvider.class);
    }

    /** @throws io.github.machineusers.model.CredentialLimitReachedException at the policy's limit */
    public Issued add(MachineUser machineUser, Request request, Actor actor) {
        String description = Validation.optionalText("description", request.description(), Validation.MAX_DESCRIPTION);
        MachineUserPolicy policy = MachineUserPolicy.of(realm);
        Long expiresAt = Validation.keyExpiry("expiresAt", request.expiresAt(), policy, Time.currentTimeMillis());
        boolean generate = Boolean.TRUE.equals(request.generate());
        int given = (request.jwk() != null && !request.jwk().isNull() ? 1 : 0) + (request.pem() != null ? 1 : 0) + (generate ? 1 : 0);
        if (given != 1) {
            throw Validation.badRequest("Send exactly one of 'jwk' (a public JWK), 'pem' (an SPKI public key) or 'generate': true");
        }
        if (!generate && request.algorithm() != null) {
            throw Validation.badRequest("Field 'algorithm' goes with 'generate'; an uploaded key names its algorithm in the JWK's 'alg'");
        }
        String keyId = PublicKeyMaterial.newKeyId();
        PublicKeyMaterial.Checked checked;
        String privateKeyPem = null;
        try {
            if (generate) {
                PublicKeyMaterial.Generated generated = PublicKeyMaterial.generate(request.algorithm(), keyId);
                checked = generated.publicKey();
                privateKeyPem = generated.privateKeyPem();
            } else if (request.pem() != null) {
                checked = PublicKeyMaterial.fromPem(request.pem(), keyId);
            } else {
                checked = PublicKeyMaterial.fromJwk(request.jwk(), keyId);
            }
        } catch (PublicKeyException e) {
            throw Validation.badRequest(e.getMessage());
        }
        int limit = Math.min(policy.maxPublicKeysPerMachineUser(), MachineUserPolicy.MAX_KEYS);
        PublicKeyModel key = provider.publicKeys().add(realm, machineUser.id(),
                new NewPublicKey(keyId, checked.jwk(), checked.algorithm(), description, expiresAt, actor.username()), limit);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keyId", key.getId());
        details.put("algorithm", key.getAlgorithm());
        details.put("generated", generate);
        if (key.getExpiresAt() != null) {
            details.put("expiresAt", key.getExpiresAt());
        }
        provider.history().record(realm, machineUser.id(), key.getKind().created(), actor, details);
        return new Issued(key, privateKeyPem);
    }

    /** Applies the status, expiry and description the changes set, as for every kind of credential. */
    public void update(MachineUser machineUser, PublicKeyModel key, CredentialChanges changes, Actor actor) {
        new CredentialLifecycle(realm, provider).update(machineUser, key, changes, actor);
    }

    public void delete(MachineUser machineUser, PublicKeyModel key, Actor actor) {
        new CredentialLifecycle(realm, provider).delete(machineUser, key, () -> provider.publicKeys().remove(realm, key.getId()),
                KEY_NOT_FOUND, actor);
    }
}
