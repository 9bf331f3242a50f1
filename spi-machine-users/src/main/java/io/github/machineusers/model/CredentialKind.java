package io.github.machineusers.model;

/**
 * The kinds of credential a machine user can hold. Every kind shares one lifecycle (status,
 * expiry, description, last use, tokens that die with it, history) through
 * {@link MachineUserCredential}; what differs is how the credential is made and verified.
 */
public enum CredentialKind {

    /** A key id and a shared secret, stored as a hash. */
    ACCESS_KEY(HistoryAction.KEY_CREATED, HistoryAction.KEY_UPDATED, HistoryAction.KEY_DELETED);

    private final HistoryAction created;
    private final HistoryAction updated;
    private final HistoryAction deleted;

    CredentialKind(HistoryAction created, HistoryAction updated, HistoryAction deleted) {
        this.created = created;
        this.updated = updated;
        this.deleted = deleted;
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
