package io.github.machineusers.representations;

import java.util.List;

/** Body of {@code POST /machine-users}. Only {@code name} is required. */
public class CreateMachineUserRepresentation {

    public String name;
    /** Generated from the name when absent. */
    public String clientId;
    public String description;
    public String partition;
    public List<String> permissionSets;
    public List<String> groups;
    public Integer accessTokenLifespan;
    public String notificationEmail;
    /** Whether the answer carries a first access key; default true. */
    public Boolean generateKey;
    public Long keyExpiresAt;
}
