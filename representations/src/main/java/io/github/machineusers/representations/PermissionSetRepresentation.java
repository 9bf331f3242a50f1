package io.github.machineusers.representations;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

@JsonInclude(JsonInclude.Include.NON_NULL)
public class PermissionSetRepresentation {

    public String name;
    public String description;
    /** Realm role names, or {@code clientId/role} for client roles. */
    public List<String> roles;
    /** Defined by a template; read-only through the API. */
    public Boolean managed;
    /** May contain only roles marked read-only. */
    public Boolean readOnly;
}
