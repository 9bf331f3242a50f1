package io.github.machineusers.events;

/**
 * What an admin event of the bundle is about, and where that is. Every resource type starts with
 * {@code MACHINE_USER}, so one filter finds them all, and names the resource the path points at; the
 * paths are relative to {@code /admin/realms/{realm}}, as Keycloak's own admin events are.
 */
public enum AdminResource {

    MACHINE_USER,
    MACHINE_USER_ACCESS_KEY,
    MACHINE_USER_PUBLIC_KEY,
    MACHINE_USER_FEDERATED_CREDENTIAL,
    MACHINE_USER_POLICY,
    MACHINE_USER_PERMISSION_SET,
    /** A permission set granted to, or taken from, one machine user. */
    MACHINE_USER_PERMISSION_SET_GRANT,
    MACHINE_USER_PARTITION,
    /** A person's administrator or viewer right on a partition. */
    MACHINE_USER_PARTITION_RIGHT,
    MACHINE_USER_GROUP,
    /** A machine user joining or leaving a machine-user group. */
    MACHINE_USER_GROUP_MEMBER;

    private static final String MACHINE_USERS = "machine-users";

    public static String machineUser(String id) {
        return MACHINE_USERS + "/" + id;
    }

    /** An action on a machine user: {@code suspend}, {@code resume}. */
    public static String machineUserAction(String id, String action) {
        return machineUser(id) + "/" + action;
    }

    public static String accessKey(String machineUserId, String keyId) {
        return machineUser(machineUserId) + "/keys/" + keyId;
    }

    public static String publicKey(String machineUserId, String keyId) {
        return machineUser(machineUserId) + "/public-keys/" + keyId;
    }

    public static String federatedCredential(String machineUserId, String credentialId) {
        return machineUser(machineUserId) + "/federated-credentials/" + credentialId;
    }

    /** Appended to a credential's path for the event of its expiry warning. */
    public static final String EXPIRY_WARNING = "/expiry-warning";

    public static String policy() {
        return MACHINE_USERS + "/policy";
    }

    public static String permissionSetGrant(String machineUserId, String permissionSet) {
        return machineUser(machineUserId) + "/permission-sets/" + permissionSet;
    }

    public static String permissionSet(String name) {
        return "permission-sets/" + name;
    }

    public static String partition(String id) {
        return "partitions/" + id;
    }

    /** @param right the path segment of the right: {@code administrators} or {@code viewers} */
    public static String partitionRight(String partitionId, String right, String userId) {
        return partition(partitionId) + "/" + right + "/" + userId;
    }

    public static String group(String id) {
        return "machine-user-groups/" + id;
    }

    public static String groupMember(String groupId, String machineUserId) {
        return group(groupId) + "/members/" + machineUserId;
    }
}
