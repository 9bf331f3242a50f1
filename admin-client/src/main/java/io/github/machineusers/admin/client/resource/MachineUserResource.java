package io.github.machineusers.admin.client.resource;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.representations.MachineUserRepresentation;
import io.github.machineusers.representations.SuspensionRepresentation;
import io.github.machineusers.representations.UsageDayRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/machine-users/{id}}. */
public interface MachineUserResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserRepresentation toRepresentation();

    /**
     * Changes name, description, partition (path or id), access-token lifespan and notification
     * e-mail. Null fields are not sent and so keep their value; to clear one use
     * {@link #update(JsonNode)}. Other fields are ignored: permission sets change through
     * {@link #grantPermissionSet}/{@link #revokePermissionSet}, groups through the group's members,
     * so a representation read with {@link #toRepresentation()} can be changed and sent back.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserRepresentation update(MachineUserRepresentation changes);

    /**
     * Changes exactly the fields named, a field sent as null is cleared, e.g.
     * {@code update(Changes.of("partition", null))} moves the machine user to the top level.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserRepresentation update(JsonNode changes);

    /** Deletes the machine user with its keys; its history stays readable. */
    @DELETE
    void remove();

    /** Bans the machine user: no new tokens, and tokens issued before are no longer active. */
    @POST
    @Path("suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserRepresentation suspend(SuspensionRepresentation suspension);

    default MachineUserRepresentation suspend(String reason) {
        SuspensionRepresentation suspension = new SuspensionRepresentation();
        suspension.reason = reason;
        return suspend(suspension);
    }

    /** Allows new tokens again; tokens issued before the suspension stay inactive. */
    @POST
    @Path("resume")
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserRepresentation resume();

    /** The changelog, newest first; also after the machine user was deleted. */
    @Path("history")
    MachineUserHistoryResource history();

    /** Tokens issued and failed attempts per UTC day, oldest first, the last {@code days} days (1 to 366; null for 30). */
    @GET
    @Path("usage")
    @Produces(MediaType.APPLICATION_JSON)
    List<UsageDayRepresentation> usage(@QueryParam("days") Integer days);

    /** Grants a permission set directly (idempotent). */
    @PUT
    @Path("permission-sets/{name}")
    void grantPermissionSet(@PathParam("name") String name);

    /** Revokes a directly granted permission set (idempotent). */
    @DELETE
    @Path("permission-sets/{name}")
    void revokePermissionSet(@PathParam("name") String name);

    @Path("keys")
    AccessKeysResource keys();

    @Path("public-keys")
    PublicKeysResource publicKeys();

    @Path("federated-credentials")
    FederatedCredentialsResource federatedCredentials();
}
