package io.github.machineusers.representations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class MachineUserGroupRepresentation {

    public String id;
    public String name;
    public String description;
    /** Permission set names. */
    public List<String> permissionSets;
    /** Partition paths in answers; paths or ids in requests. */
    public List<String> partitions;
    /** Number of members. */
    public Long members;
}
