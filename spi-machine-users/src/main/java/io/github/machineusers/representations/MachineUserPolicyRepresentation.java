package io.github.machineusers.representations;

import java.util.List;

public class MachineUserPolicyRepresentation {

    public Integer maxKeysPerMachineUser;
    public Integer maxKeyLifetimeDays;
    public List<Integer> keyExpiryWarningDays;
    public Integer defaultAccessTokenLifespan;
    public Boolean notificationEmailRequired;
}
