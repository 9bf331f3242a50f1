package io.github.machineusers.representations;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartitionRepresentation {

    public String id;
    public String name;
    /** Absent for a top-level partition. */
    public String parentId;
    public String path;
    /** Machine users this partition owns directly. */
    public Long machineUsers;
}
