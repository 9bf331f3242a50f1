package io.github.machineusers.permissionsets;

/** A request that breaks a rule of permission sets; {@link Kind} says which HTTP answer fits. */
public class PermissionSetException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT }

    private final Kind kind;

    public PermissionSetException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
