package io.github.machineusers.admin.client.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.representations.MachineUserPolicyRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/machine-users/policy}. */
public interface MachineUserPolicyResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserPolicyRepresentation toRepresentation();

    /**
     * Changes the fields that are not null and keeps the others. The answer is the new policy;
     * when it sets a lifetime cap, {@code keysBeyondMaxLifetime} names the existing keys that
     * outlive it (they keep working until their own expiry). To lift the cap or the default token
     * lifespan, send them as null with {@link #update(JsonNode)}.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserPolicyRepresentation update(MachineUserPolicyRepresentation changes);

    /** Changes exactly the fields named; {@code Changes.of("maxKeyLifetimeDays", null)} lifts the cap. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserPolicyRepresentation update(JsonNode changes);
}
