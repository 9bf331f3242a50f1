package io.github.machineusers.manage;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.mail.MachineUserMailer;
import io.github.machineusers.mail.MailAfterCommit;
import io.github.machineusers.mail.MailTemplate;
import io.github.machineusers.model.AccessKeyModel;
import io.github.machineusers.model.Actor;
import io.github.machineusers.model.CredentialKind;
import io.github.machineusers.model.HistoryAction;
import io.github.machineusers.model.IssuedAccessKey;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.NewAccessKey;
import io.github.machineusers.validation.Validation;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The key operations of the admin API, with the realm policy applied and every change in the history. */
public class AccessKeyManager {

    public static final String KEY_NOT_FOUND = "Access key not found";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final MachineUserProvider provider;

    public AccessKeyManager(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.provider = session.getProvider(MachineUserProvider.class);
    }

    /**
     * Makes a key and has it stored: the secret is made here and leaves only in the answer; storage
     * sees its hash. The policy's limit is capped at what the directory can hold.
     *
     * @param expiresAt already validated against the policy
     */
    IssuedAccessKey create(MachineUser machineUser, String description, Long expiresAt, Actor actor) {
        String secret = AccessKeySecrets.newSecret();
        int limit = Math.min(MachineUserPolicy.of(realm).maxKeysPerMachineUser(), MachineUserPolicy.MAX_KEYS);
        AccessKeyModel key = provider.keys().add(realm, machineUser.id(), made(secret, description, expiresAt, actor), limit);
        provider.history().record(realm, machineUser.id(), CredentialKind.ACCESS_KEY.created(), actor, keyDetails(key));
        return new IssuedAccessKey(key, secret);
    }

    private static NewAccessKey made(String secret, String description, Long expiresAt, Actor actor) {
        return new NewAccessKey(AccessKeySecrets.newKeyId(), AccessKeySecrets.hash(secret), description, expiresAt, actor.username());
    }

    /** @param expiresAt null for the longest lifetime the policy allows */
    public IssuedAccessKey issue(MachineUser machineUser, String description, Long expiresAt, Actor actor) {
        String text = Validation.optionalText("description", description, Validation.MAX_DESCRIPTION);
        Long expiry = Validation.keyExpiry("expiresAt", expiresAt, MachineUserPolicy.of(realm), Time.currentTimeMillis());
        return create(machineUser, text, expiry, actor);
    }

    /**
     * Puts a new key in place of the old one. Unless told otherwise the new key keeps the old
     * description and gets a lifetime as long as the old key had, within the policy's cap.
     */
    public IssuedAccessKey replace(MachineUser machineUser, AccessKeyModel old, String description, Long expiresAt, Actor actor) {
        long now = Time.currentTimeMillis();
        String text = description == null ? old.getDescription() : Validation.optionalText("description", description, Validation.MAX_DESCRIPTION);
        Long requested = expiresAt;
        if (requested == null && old.getExpiresAt() != null) {
            requested = now + Math.max(old.getExpiresAt() - old.getCreatedAt(), 60_000L);
            Long latest = MachineUserPolicy.of(realm).latestExpiry(now);
            if (latest != null && requested > latest) {
                requested = latest;
            }
        }
        Long expiry = Validation.keyExpiry("expiresAt", requested, MachineUserPolicy.of(realm), now);
        String secret = AccessKeySecrets.newSecret();
        AccessKeyModel key = provider.keys().replace(realm, old, made(secret, text, expiry, actor));
        if (key == null) {
            throw new NotFoundException(KEY_NOT_FOUND);
        }
        IssuedAccessKey issued = new IssuedAccessKey(key, secret);
        Map<String, Object> details = keyDetails(issued.key());
        details.put("replacedKeyId", old.getId());
        provider.history().record(realm, machineUser.id(), HistoryAction.KEY_REPLACED, actor, details);
        MailAfterCommit.enlist(session, realm, machineUser, MailTemplate.KEY_REPLACED, Map.of(
                "oldKeyId", old.getId(),
                "newKeyId", issued.key().getId(),
                "newExpiresAt", expiry == null ? "" : MachineUserMailer.format(expiry),
                "replacedBy", actor.username()));
        return issued;
    }

    /** Applies the status, expiry and description the changes set; an expiry set to null removes it. */
    public void update(MachineUser machineUser, AccessKeyModel key, CredentialChanges changes, Actor actor) {
        new CredentialLifecycle(realm, provider).update(machineUser, key, changes, actor);
    }

    public void delete(MachineUser machineUser, AccessKeyModel key, Actor actor) {
        new CredentialLifecycle(realm, provider).delete(machineUser, key, () -> provider.keys().remove(realm, key.getId()),
                KEY_NOT_FOUND, actor);
    }

    private static Map<String, Object> keyDetails(AccessKeyModel key) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keyId", key.getId());
        if (key.getExpiresAt() != null) {
            details.put("expiresAt", key.getExpiresAt());
        }
        return details;
    }
}
