package io.github.machineusers.model;

/**
 * The ids under which the bundle's token-path providers are registered. The services configure
 * realms and clients with them (a client's authenticator, the mappers of the machine-user client
 * scope) without depending on the providers themselves, which sit a layer above.
 */
public final class ProviderIds {

    /** The client authenticator that takes access keys. */
    public static final String CLIENT_AUTHENTICATOR = "machine-user-access-key";
    public static final String ACCESS_KEY_ID_MAPPER = "machine-user-access-key-id-mapper";
    public static final String PARTITIONS_MAPPER = "machine-user-partitions-mapper";

    private ProviderIds() {
    }
}
