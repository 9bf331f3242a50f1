package io.github.machineusers.admin;


import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.machineusers.authorization.MachineUserPermissions;
import io.github.machineusers.authorization.RoleGrantGuard;
import io.github.machineusers.events.AdminEvents;
import io.github.machineusers.events.AdminResource;
import io.github.machineusers.groups.MachineUserGroups;
import io.github.machineusers.manage.MachineUserManager;
import io.github.machineusers.manage.NewMachineUser;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.MachineUserQuery;
import io.github.machineusers.partitions.Partitions;
import io.github.machineusers.permissionsets.PermissionSet;
import io.github.machineusers.permissionsets.admin.GrantablePermissionSets;
import io.github.machineusers.representations.AccessKeyRepresentation;
import io.github.machineusers.representations.CreateMachineUserRepresentation;
import io.github.machineusers.representations.KeyReferenceRepresentation;
import io.github.machineusers.representations.MachineUserPolicyRepresentation;
import io.github.machineusers.representations.MachineUserRepresentation;
import io.github.machineusers.rest.JsonBodies;
import io.github.machineusers.rest.Paging;
import io.github.machineusers.rest.PatchBody;
import io.github.machineusers.rest.QueryFlag;
import io.github.machineusers.text.TextRules;
import io.github.machineusers.validation.Validation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/machine-users} */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Machine users")
public class MachineUsersResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final MachineUserPermissions permissions;
    private final AdminEvents events;
    private final MachineUserProvider provider;
    private final Partitions partitions;

    public MachineUsersResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.permissions = new MachineUserPermissions(session, auth, realm);
        this.events = new AdminEvents(adminEvent);
        this.provider = session.getProvider(MachineUserProvider.class);
        this.partitions = new Partitions(session, realm);
    }

    @Operation(summary = "List machine users, newest first, by name or client id, status and partition",
            description = "search is a case-insensitive prefix of the name or client id, as in Keycloak's user search: "
                    + "* matches any text and a term in double quotes the whole name or client id.")
    @GET
    public List<MachineUserRepresentation> list(@QueryParam("search") String search, @QueryParam("status") String status,
                                                @QueryParam("partition") String partition,
                                                @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("includeSubPartitions") String includeSubPartitions,
                                                @QueryParam("first") String first, @QueryParam("max") String max) {
        permissions.requireViewSome();
        Paging paging = Paging.of(first, max);
        return provider.search(realm, query(search, status, partition, includeSubPartitions), paging.first(), paging.max())
                .map(MachineUser::of)
                .map(mu -> Representations.withAccess(Representations.toRepresentation(session, provider, realm, mu), permissions, mu))
                .toList();
    }

    @Operation(summary = "Count machine users for the same filters as the list")
    @GET
    @Path("count")
    public long count(@QueryParam("search") String search, @QueryParam("status") String status,
                      @QueryParam("partition") String partition, @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("includeSubPartitions") String includeSubPartitions) {
        permissions.requireViewSome();
        return provider.count(realm, query(search, status, partition, includeSubPartitions));
    }

    private MachineUserQuery query(String search, String status, String partition, String includeSubPartitionsParameter) {
        boolean includeSubPartitions = QueryFlag.of("includeSubPartitions", includeSubPartitionsParameter);
        String text = Validation.optionalText("search", search, Validation.MAX_NAME);
        Boolean suspended;
        if (status == null || status.isBlank()) {
            suspended = null;
        } else if ("ACTIVE".equals(status)) {
            suspended = false;
        } else if ("SUSPENDED".equals(status)) {
            suspended = true;
        } else {
            throw Validation.badRequest("Query parameter 'status' must be ACTIVE or SUSPENDED");
        }
        Set<String> owners = null;
        if (partition != null && !partition.isBlank()) {
            GroupModel filter = partitions.require("partition", partition);
            owners = includeSubPartitions ? Partitions.subtree(filter) : Set.of(filter.getId());
        }
        if (!permissions.canView()) {
            // A partition-scoped caller sees only the subtrees of their partitions.
            Set<String> scope = permissions.scope().viewed();
            owners = owners == null ? scope : owners.stream().filter(scope::contains).collect(Collectors.toSet());
        }
        return new MachineUserQuery(text, suspended, owners);
    }

    @Operation(summary = "Create a machine user; the answer holds its first access key with the secret, shown only here")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateMachineUserRepresentation.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the machine user", content = @Content(schema = @Schema(implementation = MachineUserRepresentation.class)))
    @APIResponse(responseCode = "409", description = "The client id is taken")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        permissions.requireViewSome();
        CreateMachineUserRepresentation rep = JsonBodies.read(body, CreateMachineUserRepresentation.class);
        GroupModel partition = rep.partition == null || rep.partition.isBlank() ? null : partitions.require("partition", rep.partition);
        permissions.requireManage(partition == null ? null : partition.getId());
        List<PermissionSet> sets = GrantablePermissionSets.resolve(session, realm, permissions, rep.permissionSets);
        List<GroupModel> groups = new MachineUserGroups(session, realm).resolve(rep.groups);
        if (!groups.isEmpty()) {
            // Groups carry partition grants, so joining one is a realm-wide decision.
            permissions.requireManage();
            RoleGrantGuard guard = new RoleGrantGuard(permissions, realm);
            groups.forEach(group -> guard.requireMayGrantAll(group.getRoleMappingsStream()));
        }
        MachineUserManager.Created created;
        try {
            NewMachineUser machineUser = new NewMachineUser(rep.name, rep.description, rep.clientId, rep.notificationEmail,
                    rep.accessTokenLifespan, rep.generateKey == null || rep.generateKey, rep.keyExpiresAt);
            created = new MachineUserManager(session, realm).create(machineUser, sets, partition, groups, AdminActors.of(auth));
        } catch (ModelDuplicateException e) {
            throw ErrorResponse.exists("A client with client id '" + rep.clientId + "' already exists");
        }
        MachineUserRepresentation answer = Representations.toRepresentation(session, provider, realm, created.machineUser());
        events.send(OperationType.CREATE, AdminResource.MACHINE_USER, AdminResource.machineUser(answer.id), answer);
        if (created.accessKey() != null) {
            AccessKeyRepresentation key = Representations.toRepresentation(provider, created.accessKey().key());
            events.send(OperationType.CREATE, AdminResource.MACHINE_USER_ACCESS_KEY, AdminResource.accessKey(answer.id, key.id), key);
            key.secret = created.accessKey().secret();
            answer.accessKey = key;
        }
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(answer.id).build();
        return Response.created(location).entity(answer).build();
    }

    /**
     * What the caller may do with machine users of this realm: {@code manageAll} and
     * {@code viewAll} (realm-wide roles), and the paths of the partitions they administer, where
     * they may create machine users. For consoles, to show only what would be allowed.
     */
    @Operation(summary = "What the caller may do: manageAll, viewAll and the partitions they manage")
    @GET
    @Path("access")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> access() {
        permissions.requireViewSome();
        List<String> managed = permissions.scope().managed().stream()
                .map(partitions::byId)
                .filter(java.util.Objects::nonNull)
                .map(Partitions::path)
                .sorted()
                .toList();
        return Map.of("manageAll", permissions.canManage(), "viewAll", permissions.canView(), "managedPartitions", managed);
    }

    @Operation(summary = "The realm's machine-user policy")
    @GET
    @Path("policy")
    public MachineUserPolicyRepresentation getPolicy() {
        permissions.requireViewSome();
        return Representations.toRepresentation(MachineUserPolicy.of(realm));
    }

    @Operation(summary = "Change the realm's machine-user policy (fields left out keep their value)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MachineUserPolicyRepresentation.class)))
    @APIResponse(responseCode = "200", description = "The policy as stored", content = @Content(schema = @Schema(implementation = MachineUserPolicyRepresentation.class)))
    @PUT
    @Path("policy")
    @Consumes(MediaType.APPLICATION_JSON)
    public MachineUserPolicyRepresentation updatePolicy(String body) {
        permissions.requireManage();
        PatchBody<MachineUserPolicyRepresentation> patch = PatchBody.read(body, MachineUserPolicyRepresentation.class);
        MachineUserPolicy current = MachineUserPolicy.of(realm);
        // Fields left out keep their value; a nullable field sent as null is cleared.
        MachineUserPolicy updated = new MachineUserPolicy(
                patch.nonNullChange("maxKeysPerMachineUser", r -> r.maxKeysPerMachineUser).orElse(current.maxKeysPerMachineUser()),
                patch.change("maxKeyLifetimeDays", r -> r.maxKeyLifetimeDays).orElse(current.maxKeyLifetimeDays()),
                patch.nonNullChange("keyExpiryWarningDays", r -> r.keyExpiryWarningDays).orElse(current.keyExpiryWarningDays()),
                patch.change("defaultAccessTokenLifespan", r -> r.defaultAccessTokenLifespan).orElse(current.defaultAccessTokenLifespan()),
                patch.nonNullChange("notificationEmailRequired", r -> r.notificationEmailRequired).orElse(current.notificationEmailRequired()),
                patch.change("maxAccessTokenLifespan", r -> r.maxAccessTokenLifespan).orElse(current.maxAccessTokenLifespan()),
                patch.nonNullChange("maxPublicKeysPerMachineUser", r -> r.maxPublicKeysPerMachineUser)
                        .orElse(current.maxPublicKeysPerMachineUser()),
                patch.nonNullChange("maxFederatedCredentialsPerMachineUser", r -> r.maxFederatedCredentialsPerMachineUser)
                        .orElse(current.maxFederatedCredentialsPerMachineUser()));
        List<String> problems = updated.problems();
        if (!problems.isEmpty()) {
            throw Validation.badRequest(String.join("; ", problems));
        }
        updated.saveTo(realm);
        MachineUserPolicyRepresentation answer = Representations.toRepresentation(updated);
        events.send(OperationType.UPDATE, AdminResource.MACHINE_USER_POLICY, AdminResource.policy(), answer);
        Long latest = updated.latestExpiry(Time.currentTimeMillis());
        if (latest != null) {
            // A lower cap never kills working keys silently; it says which keys outlive it.
            answer.keysBeyondMaxLifetime = provider.keys().expiringAfter(realm, latest, Paging.LIMIT)
                    .map(k -> new KeyReferenceRepresentation(k.getMachineUserId(), k.getId(), k.getExpiresAt()))
                    .toList();
        }
        return answer;
    }

    @Path("{id}")
    public Object machineUser(@PathParam("id") String id) {
        permissions.requireViewSome();
        boolean wellFormed = TextRules.lookupable(id, 36);
        String method = session.getContext().getHttpRequest().getHttpMethod();
        if (wellFormed && !MachineUserPermissions.isReading(method)) {
            // Changes to one machine user run one after another. The lock comes before the client is read, so
            // that a change which waited reads what the one before it committed: a client read before the wait
            // would be written back from stale rows (a second suspension inserting attributes the first made).
            provider.lockForChange(realm, id);
        }
        MachineUser machineUser = MachineUser.of(wellFormed ? session.clients().getClientById(realm, id) : null);
        if (machineUser != null) {
            // The one rights check for everything below, as Keycloak's own sub-resource locators make it.
            permissions.requireFor(method, machineUser.partition());
            return new MachineUserResource(session, realm, auth, permissions, events, machineUser);
        }
        permissions.requireView();
        if (wellFormed && provider.history().count(realm, id) > 0) {
            return new DeletedMachineUserResource(provider, realm, id);
        }
        throw new NotFoundException("Machine user not found");
    }
}
