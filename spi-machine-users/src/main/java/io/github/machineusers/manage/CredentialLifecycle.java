package io.github.machineusers.manage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import io.github.machineusers.model.Actor;
import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserCredential;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.validation.Validation;
import jakarta.ws.rs.NotFoundException;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;

/**
 * The part of a credential's life that is the same for every kind: activating and deactivating
 * (deactivation kills the tokens it minted), the expiry within the realm policy, the description,
 * and one history entry for what changed.
 */
final class CredentialLifecycle {

    private final RealmModel realm;
    private final MachineUserProvider provider;

    CredentialLifecycle(RealmModel realm, MachineUserProvider provider) {
        this.realm = realm;
        this.provider = provider;
    }

    /** Applies the status, expiry and description the changes set; an expiry set to null removes it. */
    void update(MachineUser machineUser, MachineUserCredential credential, CredentialChanges update, Actor actor) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("keyId", credential.getId());
        CredentialStatus status = update.status().orElse(credential.getStatus());
        Long expiresAt = credential.getExpiresAt();
        if (update.expiresAt().isSet()) {
            Long requested = update.expiresAt().value();
            MachineUserPolicy policy = MachineUserPolicy.of(realm);
            if (requested == null && policy.maxKeyLifetimeDays() != null) {
                throw Validation.badRequest("The realm's policy requires every key to expire");
            }
            expiresAt = requested == null ? null : Validation.keyExpiry("expiresAt", requested, policy, Time.currentTimeMillis());
        }
        String description = update.description().isSet()
                ? Validation.optionalText("description", update.description().value(), Validation.MAX_DESCRIPTION)
                : credential.getDescription();
        if (status != credential.getStatus()) {
            changes.put("status", status.name());
            credential.setStatus(status);
            if (status == CredentialStatus.INACTIVE) {
                // Token times have one-second resolution: a token minted in this very second must die too.
                credential.setTokensNotBefore(Time.currentTime() + 1);
            } else {
                TokenClock.waitUntilNewTokensAreValid(credential.getTokensNotBefore());
            }
        }
        if (!Objects.equals(expiresAt, credential.getExpiresAt())) {
            changes.put("expiresAt", expiresAt);
            credential.setExpiresAt(expiresAt);
        }
        if (!Objects.equals(description, credential.getDescription())) {
            changes.put("description", description);
            credential.setDescription(description);
        }
        if (changes.size() > 1) {
            provider.history().record(realm, machineUser.id(), credential.getKind().updated(), actor, changes);
        }
    }

    /** Removes the credential with the kind's own removal, and records it; 404 when a concurrent request removed it first. */
    void delete(MachineUser machineUser, MachineUserCredential credential, BooleanSupplier remove, String notFound, Actor actor) {
        if (!remove.getAsBoolean()) {
            throw new NotFoundException(notFound);
        }
        provider.history().record(realm, machineUser.id(), credential.getKind().deleted(), actor, Map.of("keyId", credential.getId()));
    }
}
