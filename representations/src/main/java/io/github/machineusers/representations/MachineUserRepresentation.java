package io.github.machineusers.representations;

import java.util.List;
import java.util.Map;

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
    /**
     * What the caller may do with this machine user ({@code view}, {@code manage}), as Keycloak's
     * own user and client representations carry it; only in read answers, so consoles can hide
     * what would be refused.
     */
    public Map<String, Boolean> access;
}
