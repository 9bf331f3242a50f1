package io.github.machineusers.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ForbiddenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

class MachineUserPermissionsTest {

    private final Models models = new Models();
    private RealmModel master;
    private RealmModel realm;
    private ClientModel realmManagement;
    private GroupModel plant;
    private GroupModel line;
    private GroupModel office;

    @BeforeEach
    void world() {
        master = models.realm("master");
        realm = models.realm("acme");
        realmManagement = Models.client(realm, "realm-management");
        Models.clientRole(realmManagement, MachineUserPermissions.MANAGE_ROLE);
        Models.clientRole(realmManagement, MachineUserPermissions.VIEW_ROLE);
        ClientModel acmeRealm = Models.client(master, "acme-realm");
        Models.clientRole(acmeRealm, MachineUserPermissions.MANAGE_ROLE);
        Models.setMasterAdminClient(realm, acmeRealm);
        plant = models.partition("plant", null);
        line = models.partition("line", plant);
        office = models.partition("office", null);
    }

    private MachineUserPermissions of(RealmModel callerRealm, UserModel caller) {
        return new MachineUserPermissions(models.session(), models.caller(callerRealm, caller, false), realm);
    }

    @Test
    void theManageRoleManagesEveryMachineUserOfTheRealm() {
        MachineUserPermissions permissions = of(realm, Models.user(realmManagement.getRole(MachineUserPermissions.MANAGE_ROLE)));

        assertThat(permissions.canManage()).isTrue();
        assertThat(permissions.canManage(null)).isTrue();
        assertThat(permissions.canManage(line.getId())).isTrue();
        assertThat(permissions.canView()).isTrue();
        assertThat(permissions.scope().isEmpty()).as("realm-wide rights need no partition scope").isTrue();
    }

    @Test
    void theViewRoleSeesButDoesNotChange() {
        MachineUserPermissions permissions = of(realm, Models.user(realmManagement.getRole(MachineUserPermissions.VIEW_ROLE)));

        assertThat(permissions.canView(null)).isTrue();
        assertThat(permissions.canView(plant.getId())).isTrue();
        assertThat(permissions.canManage()).isFalse();
        assertThat(permissions.canManage(plant.getId())).isFalse();
    }

    @Test
    void aPartitionAdministratorManagesItsPartitionAndItsSubPartitionsOnly() {
        UserModel person = Models.user();
        models.rights.grant(realm, plant.getId(), person.getId(), PartitionRight.ADMINISTRATOR);
        MachineUserPermissions permissions = of(realm, person);

        assertThat(permissions.canManage(plant.getId())).isTrue();
        assertThat(permissions.canManage(line.getId())).isTrue();
        assertThat(permissions.canManage(office.getId())).isFalse();
        assertThat(permissions.canManage(null)).as("the realm root is no partition's").isFalse();
        assertThat(permissions.canManage()).isFalse();
        assertThat(permissions.canViewSome()).isTrue();
        assertThat(permissions.canView(line.getId())).isTrue();
    }

    @Test
    void aPartitionViewerSeesButDoesNotChange() {
        UserModel person = Models.user();
        models.rights.grant(realm, plant.getId(), person.getId(), PartitionRight.VIEWER);
        MachineUserPermissions permissions = of(realm, person);

        assertThat(permissions.canView(line.getId())).isTrue();
        assertThat(permissions.canManage(line.getId())).isFalse();
        assertThat(permissions.canView(office.getId())).isFalse();
    }

    @Test
    void somebodyWithoutRightsSeesNothing() {
        MachineUserPermissions permissions = of(realm, Models.user());

        assertThat(permissions.canViewSome()).isFalse();
        assertThatThrownBy(permissions::requireViewSome).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void masterAdministratorsHoldTheRightsThroughTheRealmsAdminClient() {
        ClientModel acmeRealm = master.getClientByClientId("acme-realm");
        MachineUserPermissions permissions = of(master, Models.user(acmeRealm.getRole(MachineUserPermissions.MANAGE_ROLE)));

        assertThat(permissions.canManage(plant.getId())).isTrue();
    }

    @Test
    void aUserOfAnotherRealmHoldsNothingHereNotEvenWithRightsOnPartitions() {
        RealmModel other = models.realm("other");
        ClientModel otherManagement = Models.client(other, "realm-management");
        UserModel stranger = Models.user(Models.clientRole(otherManagement, MachineUserPermissions.MANAGE_ROLE));
        models.rights.grant(realm, plant.getId(), stranger.getId(), PartitionRight.ADMINISTRATOR);
        MachineUserPermissions permissions = of(other, stranger);

        assertThat(permissions.canViewSome()).isFalse();
        assertThat(permissions.canManage(plant.getId())).isFalse();
    }

    @Test
    void aSubResourceIsCheckedOnceByMethodReadingNeedsViewAndEverythingElseManage() {
        UserModel person = Models.user();
        models.rights.grant(realm, plant.getId(), person.getId(), PartitionRight.VIEWER);
        MachineUserPermissions permissions = of(realm, person);

        assertThatCode(() -> permissions.requireFor("GET", line.getId())).doesNotThrowAnyException();
        assertThatCode(() -> permissions.requireFor("HEAD", line.getId())).doesNotThrowAnyException();
        for (String method : new String[]{"PUT", "POST", "DELETE", "PATCH"}) {
            assertThatThrownBy(() -> permissions.requireFor(method, line.getId())).as(method).isInstanceOf(ForbiddenException.class);
        }
        assertThatThrownBy(() -> permissions.requireFor("GET", office.getId())).isInstanceOf(ForbiddenException.class);
    }
}
