package io.github.machineusers.authorization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.GroupProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RealmProvider;
import org.keycloak.models.RoleContainerModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.RealmPermissionEvaluator;

/**
 * A small Keycloak world for the authorization tests: realms with clients and roles, users holding
 * roles, partition groups, and the partition rights, each answering the way Keycloak's models do
 * for the calls the authorization makes.
 */
final class Models {

    final Map<String, RealmModel> realms = new HashMap<>();
    final Map<String, GroupModel> groups = new HashMap<>();
    final InMemoryPartitionRights rights = new InMemoryPartitionRights();

    RealmModel realm(String name) {
        RealmModel realm = Fake.of(RealmModel.class, new Realm(name));
        realms.put(name, realm);
        return realm;
    }

    KeycloakSession session() {
        return Fake.of(KeycloakSession.class, new Session());
    }

    /** The caller of an admin request: a user of {@code realm} who holds {@code roles}. */
    AdminPermissionEvaluator caller(RealmModel realm, UserModel user, boolean canManageRealm) {
        ClientModel console = Fake.of(ClientModel.class, new Client("security-admin-console", realm));
        AdminAuth auth = new AdminAuth(realm, new AccessToken(), user, console);
        return Fake.of(AdminPermissionEvaluator.class, new Evaluator(auth, canManageRealm));
    }

    static UserModel user(RoleModel... roles) {
        return Fake.of(UserModel.class, new User(List.of(roles)));
    }

    static ClientModel client(RealmModel realm, String clientId) {
        ClientModel client = Fake.of(ClientModel.class, new Client(clientId, realm));
        Fake.behaviour(realm, Realm.class).clients.put(clientId, client);
        return client;
    }

    static RoleModel realmRole(RealmModel realm, String name, RoleModel... composites) {
        RoleModel role = Fake.of(RoleModel.class, new Role(name, realm, false, composites));
        Fake.behaviour(role, Role.class).self = role;
        Fake.behaviour(realm, Realm.class).roles.put(name, role);
        return role;
    }

    static RoleModel clientRole(ClientModel client, String name, RoleModel... composites) {
        RoleModel role = Fake.of(RoleModel.class, new Role(name, client, true, composites));
        Fake.behaviour(role, Role.class).self = role;
        Fake.behaviour(client, Client.class).roles.put(name, role);
        return role;
    }

    /** Adds a role to a composite after the fact, as Keycloak's admin console can. */
    static void addComposite(RoleModel composite, RoleModel role) {
        Fake.behaviour(composite, Role.class).composites.add(role);
    }

    static void setMasterAdminClient(RealmModel realm, ClientModel client) {
        Fake.behaviour(realm, Realm.class).masterAdminClient = client;
    }

    GroupModel partition(String name, GroupModel parent) {
        return group(name, parent, true);
    }

    GroupModel group(String name, GroupModel parent, boolean partition) {
        Group behaviour = new Group(name, partition);
        GroupModel group = Fake.of(GroupModel.class, behaviour);
        groups.put(behaviour.id, group);
        if (parent != null) {
            Fake.behaviour(parent, Group.class).children.add(group);
        }
        return group;
    }

    private final class Session {
        @SuppressWarnings("unused")
        <T extends org.keycloak.provider.Provider> T getProvider(Class<T> type) {
            return type == PartitionRightsProvider.class ? type.cast(rights) : null;
        }

        @SuppressWarnings("unused")
        GroupProvider groups() {
            return Fake.of(GroupProvider.class, new Object() {
                @SuppressWarnings("unused")
                GroupModel getGroupById(RealmModel realm, String id) {
                    return groups.get(id);
                }
            });
        }

        @SuppressWarnings("unused")
        RealmProvider realms() {
            return Fake.of(RealmProvider.class, new Object() {
                @SuppressWarnings("unused")
                RealmModel getRealmByName(String name) {
                    return realms.get(name);
                }
            });
        }
    }

    private record Evaluator(AdminAuth adminAuth, boolean canManageRealm) {
        @SuppressWarnings("unused")
        RealmPermissionEvaluator realm() {
            return Fake.of(RealmPermissionEvaluator.class, new Object() {
                @SuppressWarnings("unused")
                boolean canManageRealm() {
                    return canManageRealm;
                }
            });
        }
    }

    private static final class Realm {
        final String id = UUID.randomUUID().toString();
        final String name;
        final Map<String, ClientModel> clients = new LinkedHashMap<>();
        final Map<String, RoleModel> roles = new LinkedHashMap<>();
        ClientModel masterAdminClient;

        Realm(String name) {
            this.name = name;
        }

        String getId() {
            return id;
        }

        String getName() {
            return name;
        }

        ClientModel getClientByClientId(String clientId) {
            return clients.get(clientId);
        }

        RoleModel getRole(String name) {
            return roles.get(name);
        }

        ClientModel getMasterAdminClient() {
            return masterAdminClient;
        }
    }

    private static final class Client {
        final String id = UUID.randomUUID().toString();
        final String clientId;
        final RealmModel realm;
        final Map<String, RoleModel> roles = new LinkedHashMap<>();

        Client(String clientId, RealmModel realm) {
            this.clientId = clientId;
            this.realm = realm;
        }

        String getId() {
            return id;
        }

        String getClientId() {
            return clientId;
        }

        RealmModel getRealm() {
            return realm;
        }

        RoleModel getRole(String name) {
            return roles.get(name);
        }

        Stream<RoleModel> getRolesStream() {
            return roles.values().stream();
        }

        /** Admin consoles have full scope. */
        boolean hasScope(RoleModel role) {
            return true;
        }
    }

    private static final class Role {
        final String id = UUID.randomUUID().toString();
        final String name;
        final RoleContainerModel container;
        final boolean clientRole;
        final List<RoleModel> composites;
        RoleModel self;

        Role(String name, Object container, boolean clientRole, RoleModel... composites) {
            this.name = name;
            this.container = (RoleContainerModel) container;
            this.clientRole = clientRole;
            this.composites = new ArrayList<>(List.of(composites));
        }

        String getId() {
            return id;
        }

        String getName() {
            return name;
        }

        boolean isClientRole() {
            return clientRole;
        }

        RoleContainerModel getContainer() {
            return container;
        }

        String getContainerId() {
            return container instanceof ClientModel client ? client.getId() : ((RealmModel) container).getId();
        }

        boolean isComposite() {
            return !composites.isEmpty();
        }

        Stream<RoleModel> getCompositesStream() {
            return composites.stream();
        }

        /** As Keycloak's: the role itself or one it contains at any depth. */
        boolean hasRole(RoleModel role) {
            return role.equals(self) || contains(composites, role, new HashSet<>());
        }
    }

    private record User(List<RoleModel> held) {
        String getId() {
            return "user-" + System.identityHashCode(this);
        }

        boolean hasRole(RoleModel role) {
            return contains(held, role, new HashSet<>());
        }
    }

    private static final class Group {
        final String id = UUID.randomUUID().toString();
        final String name;
        final boolean partition;
        final List<GroupModel> children = new ArrayList<>();

        Group(String name, boolean partition) {
            this.name = name;
            this.partition = partition;
        }

        String getId() {
            return id;
        }

        String getName() {
            return name;
        }

        String getFirstAttribute(String name) {
            return PartitionScope.MARKER.equals(name) && partition ? "true" : null;
        }

        Stream<GroupModel> getSubGroupsStream() {
            return children.stream();
        }
    }

    /** Whether {@code role} is one of {@code roles} or inside one of them; each composite opened once. */
    private static boolean contains(List<RoleModel> roles, RoleModel role, Set<RoleModel> opened) {
        for (RoleModel held : roles) {
            if (held.equals(role)) {
                return true;
            }
            if (opened.add(held) && contains(held.getCompositesStream().toList(), role, opened)) {
                return true;
            }
        }
        return false;
    }

    /** The partition-rights store, in memory. */
    static final class InMemoryPartitionRights implements PartitionRightsProvider {
        private final Map<PartitionRight, Map<String, Set<String>>> byRight = new HashMap<>();

        private Map<String, Set<String>> partitionsByUser(PartitionRight right) {
            return byRight.computeIfAbsent(right, r -> new HashMap<>());
        }

        @Override
        public Stream<String> partitionsOf(RealmModel realm, String userId, PartitionRight right) {
            return partitionsByUser(right).getOrDefault(userId, Set.of()).stream();
        }

        @Override
        public Stream<String> holdersOf(RealmModel realm, String partitionId, PartitionRight right) {
            return partitionsByUser(right).entrySet().stream().filter(e -> e.getValue().contains(partitionId)).map(Map.Entry::getKey);
        }

        @Override
        public boolean grant(RealmModel realm, String partitionId, String userId, PartitionRight right) {
            return partitionsByUser(right).computeIfAbsent(userId, u -> new HashSet<>()).add(partitionId);
        }

        @Override
        public boolean revoke(RealmModel realm, String partitionId, String userId, PartitionRight right) {
            return partitionsByUser(right).getOrDefault(userId, new HashSet<>()).remove(partitionId);
        }

        @Override
        public void removePartition(RealmModel realm, String partitionId) {
            byRight.values().forEach(users -> users.values().forEach(ids -> ids.remove(partitionId)));
        }

        @Override
        public void removeUser(RealmModel realm, String userId) {
            byRight.values().forEach(users -> users.remove(userId));
        }

        @Override
        public void removeRealm(String realmId) {
            byRight.clear();
        }
    }
}
