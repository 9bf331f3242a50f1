package io.github.machineusers.representations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

public class MachineUserPolicyRepresentation {

    public Integer maxKeysPerMachineUser;
    public Integer maxKeyLifetimeDays;
    public List<Integer> keyExpiryWarningDays;
    public Integer defaultAccessTokenLifespan;
    public Boolean notificationEmailRequired;
    /** Seconds no machine-user token outlives and no machine user's accessTokenLifespan exceeds; null for no cap. */
    public Integer maxAccessTokenLifespan;
    /** Public keys (private_key_jwt) a machine user may hold, 1..10, default 2. */
    public Integer maxPublicKeysPerMachineUser;
    /** Federated credentials (trusted external tokens) a machine user may hold, 1..20, default 5. */
    public Integer maxFederatedCredentialsPerMachineUser;
    /**
     * Only in the answer to a PUT that sets a lifetime cap: existing keys that outlive it. They keep
     * working until their own expiry; replace them or change their expiry.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public List<KeyReferenceRepresentation> keysBeyondMaxLifetime;
}
