package io.github.machineusers.admin;

import java.util.List;

import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.representations.HistoryEntryRepresentation;
import io.github.machineusers.rest.Paging;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keycloak.models.RealmModel;

/** {@code /admin/realms/{realm}/machine-users/{id}/history}, newest first; served after deletion too. */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Machine users")
public class HistoryResource {

    private final MachineUserProvider provider;
    private final RealmModel realm;
    private final String machineUserId;

    HistoryResource(MachineUserProvider provider, RealmModel realm, String machineUserId) {
        this.provider = provider;
        this.realm = realm;
        this.machineUserId = machineUserId;
    }

    @Operation(summary = "The history of a machine user, newest first; also after deletion")
    @GET
    public List<HistoryEntryRepresentation> list(@QueryParam("first") String first, @QueryParam("max") String max) {
        Paging paging = Paging.of(first, max);
        return provider.history().list(realm, machineUserId, paging.first(), paging.max())
                .map(Representations::toRepresentation)
                .toList();
    }

    @Operation(summary = "How many history entries a machine user has")
    @GET
    @Path("count")
    public long count() {
        return provider.history().count(realm, machineUserId);
    }
}
