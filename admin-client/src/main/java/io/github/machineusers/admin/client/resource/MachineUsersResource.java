package io.github.machineusers.admin.client.resource;

import java.util.List;
import java.util.Map;

import io.github.machineusers.representations.CreateMachineUserRepresentation;
import io.github.machineusers.representations.MachineUserRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/machine-users}. */
public interface MachineUsersResource {

    /** Status filter values. */
    String ACTIVE = "ACTIVE";
    String SUSPENDED = "SUSPENDED";

    /**
     * Machine users, newest first. Every argument may be null: {@code search} is a case-insensitive
     * prefix of the name or client id ({@code *} matches any text, {@code "…"} the whole value), {@code status} is {@link #ACTIVE} or {@link #SUSPENDED}, {@code partition} is a
     * partition path or id (owned directly, or anywhere below it with {@code includeSubPartitions}),
     * {@code first} and {@code max} page (the server's default page is 100, its limit 1000).
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<MachineUserRepresentation> list(@QueryParam("search") String search,
                                         @QueryParam("status") String status,
                                         @QueryParam("partition") String partition,
                                         @QueryParam("includeSubPartitions") Boolean includeSubPartitions,
                                         @QueryParam("first") Integer first,
                                         @QueryParam("max") Integer max);

    /** The first page, no filter. */
    default List<MachineUserRepresentation> list() {
        return list(null, null, null, null, null, null);
    }

    default List<MachineUserRepresentation> list(Integer first, Integer max) {
        return list(null, null, null, null, first, max);
    }

    default List<MachineUserRepresentation> search(String search) {
        return list(search, null, null, null, null, null);
    }

    /** How many machine users {@link #list(String, String, String, Boolean, Integer, Integer)} would find without paging. */
    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    Long count(@QueryParam("search") String search,
               @QueryParam("status") String status,
               @QueryParam("partition") String partition,
               @QueryParam("includeSubPartitions") Boolean includeSubPartitions);

    default Long count() {
        return count(null, null, null, null);
    }

    /**
     * Creates a machine user. Unlike Keycloak's own {@code create} methods this returns the
     * created machine user rather than the bare 201 answer, because that answer holds the first
     * key's secret ({@code accessKey.secret}), which is never shown again.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserRepresentation create(CreateMachineUserRepresentation machineUser);

    /**
     * What the caller may do here: {@code manageAll} and {@code viewAll} (booleans) and
     * {@code managedPartitions} (paths of the partitions they administer).
     */
    @GET
    @Path("access")
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> access();

    /**
     * One machine user by id. For a deleted machine user only {@link MachineUserResource#history()}
     * still answers; everything else is a 404.
     */
    @Path("{id}")
    MachineUserResource get(@PathParam("id") String id);
}
