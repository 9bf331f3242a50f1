package io.github.machineusers.representations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A machine user as the admin API shows it; {@code accessKey} only in the answer to a create. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MachineUserRepresentation {

    public String id;
    public String clientId;
    public String name;
    public String description;
    public String partition;
    public String status;
    public String suspendedReason;
    public Integer accessTokenLifespan;
    public String notificationEmail;
    public List<String> permissionSets;
    public List<String> groups;
    public Long createdAt;
    public String createdBy;
    public AccessKeyRepresentation accessKey;
}
