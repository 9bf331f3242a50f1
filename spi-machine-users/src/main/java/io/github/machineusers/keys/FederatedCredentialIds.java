package io.github.machineusers.keys;

/** Ids of federated credentials: {@code MUFC} and 80 random bits in base32, like every credential id. */
public final class FederatedCredentialIds {

    static final String PREFIX = "MUFC";

    private FederatedCredentialIds() {
    }

    public static String newId() {
        return AccessKeySecrets.newId(PREFIX);
    }

    public static boolean looksLikeId(String value) {
        return AccessKeySecrets.looksLikeId(value, PREFIX);
    }
}
