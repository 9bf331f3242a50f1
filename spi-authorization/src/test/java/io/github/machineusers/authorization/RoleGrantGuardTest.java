package io.github.machineusers.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import jakarta.ws.rs.ForbiddenException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

class RoleGrantGuardTest {

    private final Models models = new Models();

    private RoleGrantGuard guard(RealmModel realm, UserModel caller, boolean canManageRealm) {
        MachineUserPermissions permissions = new MachineUserPermissions(models.session(), models.caller(realm, caller, canManageRealm), realm);
        return new RoleGrantGuard(permissions, realm);
    }

    @Nested
    class AnOrdinaryRealm {

        private final RealmModel realm = models.realm("acme");
        private final ClientModel management = Models.client(realm, "realm-management");
        private final RoleModel manageUsers = Models.clientRole(management, "manage-users");
        private final RoleModel telemetry = Models.realmRole(realm, "telemetry-read");

        @Test
        void anOrdinaryRoleMayBeGrantedByAnyMachineUserAdministrator() {
            assertThat(guard(realm, Models.user(), false).mayGrant(telemetry)).isTrue();
        }

        @Test
        void aManagementRoleNeedsACallerWhoHoldsIt() {
            assertThat(guard(realm, Models.user(), false).mayGrant(manageUsers)).isFalse();
            assertThat(guard(realm, Models.user(manageUsers), false).mayGrant(manageUsers)).isTrue();
            assertThatThrownBy(() -> guard(realm, Models.user(), false).requireMayGrant(manageUsers))
                    .isInstanceOf(ForbiddenException.class).hasMessageContaining("manage-users");
        }

        @Test
        void aCompositeThatHidesAManagementRoleIsAManagementRole() {
            RoleModel innocentLooking = Models.realmRole(realm, "integration", telemetry, Models.realmRole(realm, "inner", manageUsers));

            assertThat(guard(realm, Models.user(), false).mayGrant(innocentLooking)).isFalse();
        }

        @Test
        void aRealmManagerMayGrantManagementRoles() {
            assertThat(guard(realm, Models.user(), true).mayGrant(manageUsers)).isTrue();
        }

        @Test
        void joiningAGroupIsRefusedWhenAnyOfItsRolesIs() {
            RoleGrantGuard guard = guard(realm, Models.user(), false);

            assertThatThrownBy(() -> guard.requireMayGrantAll(Stream.of(telemetry, manageUsers))).isInstanceOf(ForbiddenException.class);
        }
    }

    @Test
    void aRealmWithoutItsManagementClientHasOnlyOrdinaryRoles() {
        RealmModel bare = models.realm("bare");

        assertThat(guard(bare, Models.user(), false).mayGrant(Models.realmRole(bare, "anything"))).isTrue();
    }

    @Nested
    class TheMasterRealm {

        private final RealmModel master = models.realm("master");
        private final RealmModel acme = models.realm("acme");
        private final RoleModel createRealm = Models.realmRole(master, "create-realm");
        private final ClientModel acmeRealm = Models.client(master, "acme-realm");
        private final RoleModel manageAcmeUsers = Models.clientRole(acmeRealm, "manage-users");
        private final RoleModel admin = Models.realmRole(master, "admin", createRealm, manageAcmeUsers);
        private final RoleModel ordinary = Models.realmRole(master, "reports");

        {
            Models.setMasterAdminClient(acme, acmeRealm);
        }

        @Test
        void anOrdinaryRoleMayBeGranted() {
            assertThat(guard(master, Models.user(), false).mayGrant(ordinary)).isTrue();
        }

        @Test
        void whatAdminContainsNeedsACallerWhoHoldsItEvenARealmManager() {
            assertThat(guard(master, Models.user(), true).mayGrant(createRealm))
                    .as("a master realm manager is not a server administrator").isFalse();
            assertThat(guard(master, Models.user(createRealm), false).mayGrant(createRealm)).isTrue();
        }

        @Test
        void aCompositeIsRefusedUnlessTheCallerHoldsEveryAdministrativePieceInside() {
            RoleModel bundle = Models.realmRole(master, "bundle", ordinary, createRealm, manageAcmeUsers);

            assertThat(guard(master, Models.user(createRealm), false).mayGrant(bundle)).isFalse();
            assertThat(guard(master, Models.user(admin), false).mayGrant(bundle)).isTrue();
        }

        @Test
        void aRoleAddedToARealmsAdminClientLaterIsStillAdministrative() {
            RoleModel addedLater = Models.clientRole(acmeRealm, "manage-machine-users");

            assertThat(guard(master, Models.user(), false).mayGrant(addedLater)).isFalse();
        }

        @Test
        void aClientNamedLikeARealmsAdminClientIsOrdinary() {
            ClientModel lookalike = Models.client(master, "nothing-realm");

            assertThat(guard(master, Models.user(), false).mayGrant(Models.clientRole(lookalike, "x"))).isTrue();
        }

        @Test
        void compositesThatContainEachOtherDoNotLoop() {
            RoleModel first = Models.realmRole(master, "first", ordinary);
            RoleModel second = Models.realmRole(master, "second", first);
            Models.addComposite(first, second);

            assertThat(guard(master, Models.user(), false).mayGrant(second)).isTrue();
        }
    }
}
