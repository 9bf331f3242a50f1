package io.github.machineusers.admin;

import io.github.machineusers.model.MachineUserProvider;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import org.keycloak.models.RealmModel;

/** A machine user that was deleted: only its history is left. */
public class DeletedMachineUserResource {

    private final MachineUserProvider provider;
    private final RealmModel realm;
    private final String machineUserId;

    DeletedMachineUserResource(MachineUserProvider provider, RealmModel realm, String machineUserId) {
        this.provider = provider;
        this.realm = realm;
        this.machineUserId = machineUserId;
    }

    @GET
    public void get() {
        throw new NotFoundException("Machine user not found");
    }

    @PUT
    public void update() {
        throw new NotFoundException("Machine user not found");
    }

    @DELETE
    public void delete() {
        throw new NotFoundException("Machine user not found");
    }

    @POST
    public void post() {
        throw new NotFoundException("Machine user not found");
    }

    @Path("history")
    public HistoryResource history() {
        return new HistoryResource(provider, realm, machineUserId);
    }

    /** Keys, suspension, usage and the rest went with the machine user: 404 for every method, not 405. */
    @Path("{gone: .+}")
    public GoneResource everythingElse() {
        return new GoneResource();
    }
}
