package io.github.machineusers.model;

/**
 * The kinds of credential a machine user can hold. Every kind shares one lifecycle (status,
 * expiry, description, last use, tokens that die with it, history) through
 * {@link MachineUserCredential}; what differs is how the credential is made and verified.
 */
public enum CredentialKind {

    /** A key id and a shared secret, stored as a hash. */
    ACCESS_KEY("access-key", HistoryAction.KEY_CREATED, HistoryAction.KEY_UPDATED, HistoryAction.KEY_DELETED),

    /** A public key whose private key signs the client assertion (RFC 7523, private_key_jwt); nothing secret is stored. */
    PUBLIC_KEY("public-key", HistoryAction.PUBLIC_KEY_CREATED, HistoryAction.PUBLIC_KEY_UPDATED, HistoryAction.PUBLIC_KEY_DELETED),

    /** Trust in an identity provider's tokens for one subject: the external token is the client assertion. */
    FEDERATED("federated", HistoryAction.FEDERATED_CREDENTIAL_CREATED, HistoryAction.FEDERATED_CREDENTIAL_UPDATED,
            HistoryAction.FEDERATED_CREDENTIAL_DELETED);

    private final String tokenValue;
    private final HistoryAction created;
    private final HistoryAction updated;
    private final HistoryAction deleted;

    CredentialKind(String tokenValue, HistoryAction created, HistoryAction updated, HistoryAction deleted) {
        this.tokenValue = tokenValue;
        this.created = created;
        this.updated = updated;
        this.deleted = deleted;
    }

    /** The value of a token's {@code credential_type} claim for a credential of this kind. */
    public String tokenValue() {
        return tokenValue;
    }

    public HistoryAction created() {
        return created;
    }

    public HistoryAction updated() {
        return updated;
    }

    public HistoryAction deleted() {
        return deleted;
    }
}
