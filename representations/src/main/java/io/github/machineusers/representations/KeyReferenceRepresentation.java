package io.github.machineusers.representations;

/** Points at one access key of one machine user. */
public class KeyReferenceRepresentation {

    public String machineUserId;
    public String keyId;
    /** Null for a key that never expires. */
    public Long expiresAt;

    public KeyReferenceRepresentation() {
    }

    public KeyReferenceRepresentation(String machineUserId, String keyId, Long expiresAt) {
        this.machineUserId = machineUserId;
        this.keyId = keyId;
        this.expiresAt = expiresAt;
    }
}
