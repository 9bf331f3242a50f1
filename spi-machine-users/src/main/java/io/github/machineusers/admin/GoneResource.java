package io.github.machineusers.admin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

/**
 * What is left below a deleted machine user but its history: nothing, whatever the method. No method
 * is named like a getter: Quarkus would take this locator's return type for a JSON body to write.
 */
public class GoneResource {

    @GET
    public void read() {
        throw gone();
    }

    @PUT
    public void replace() {
        throw gone();
    }

    @POST
    public void act() {
        throw gone();
    }

    @DELETE
    public void remove() {
        throw gone();
    }

    private static NotFoundException gone() {
        return new NotFoundException("Machine user not found");
    }
}
