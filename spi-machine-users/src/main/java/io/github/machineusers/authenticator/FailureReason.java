package io.github.machineusers.authenticator;

import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.model.CredentialValidity;

/**
 * Why a machine user's token request was refused, as the {@code reason} detail of Keycloak's
 * CLIENT_LOGIN_ERROR event. The caller always gets the same invalid_client answer; the reason is
 * for the realm's event store and listeners, where a SIEM can tell a guessed secret from a
 * forgotten rotation.
 */
enum FailureReason {

    /** No key of the machine user (or the key id sent) has the secret presented. */
    WRONG_SECRET("wrong_secret"),
    KEY_INACTIVE("key_inactive"),
    KEY_EXPIRED("key_expired"),
    MACHINE_USER_SUSPENDED("machine_user_suspended"),
    /** A client assertion names, by kid, no public key of the machine user its sub names. */
    UNKNOWN_KEY("unknown_key"),
    /** Keycloak's client-assertion validator refused the assertion (signature, audience, expiry, reuse, ...). */
    ASSERTION_INVALID("assertion_invalid");

    private final String code;

    FailureReason(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    /** The reason for a refusal; {@code key} is the key whose secret matched, if any. */
    static FailureReason of(CredentialValidity key, long nowMillis) {
        if (key == null) {
            return WRONG_SECRET;
        }
        if (key.getStatus() != CredentialStatus.ACTIVE) {
            return KEY_INACTIVE;
        }
        return key.isExpired(nowMillis) ? KEY_EXPIRED : MACHINE_USER_SUSPENDED;
    }
}
