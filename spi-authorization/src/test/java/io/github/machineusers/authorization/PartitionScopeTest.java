package io.github.machineusers.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

class PartitionScopeTest {

    private final Models models = new Models();
    private final RealmModel realm = models.realm("acme");
    private final UserModel person = Models.user();

    @Test
    void aRightCoversTheWholeSubtreeOfPartitions() {
        GroupModel plant = models.partition("plant", null);
        GroupModel line = models.partition("line", plant);
        GroupModel cell = models.partition("cell", line);
        models.rights.grant(realm, plant.getId(), person.getId(), PartitionRight.ADMINISTRATOR);

        PartitionScope scope = PartitionScope.of(models.session(), realm, person);

        assertThat(scope.managed()).containsExactlyInAnyOrder(plant.getId(), line.getId(), cell.getId());
        assertThat(scope.viewed()).as("managing includes viewing").containsAll(scope.managed());
    }

    @Test
    void anOrdinaryGroupUnderAPartitionIsNotPartOfTheScope() {
        GroupModel plant = models.partition("plant", null);
        GroupModel team = models.group("team", plant, false);
        GroupModel underTeam = models.partition("under-team", team);
        models.rights.grant(realm, plant.getId(), person.getId(), PartitionRight.VIEWER);

        PartitionScope scope = PartitionScope.of(models.session(), realm, person);

        assertThat(scope.viewed()).containsExactly(plant.getId());
        assertThat(scope.viewed()).doesNotContain(team.getId(), underTeam.getId());
    }

    @Test
    void aRightRecordedOnAGroupThatIsNoLongerAPartitionGivesNothing() {
        GroupModel unmarked = models.group("was-a-partition", null, false);
        models.rights.grant(realm, unmarked.getId(), person.getId(), PartitionRight.ADMINISTRATOR);

        PartitionScope scope = PartitionScope.of(models.session(), realm, person);

        assertThat(scope.isEmpty()).isTrue();
    }

    @Test
    void viewerAndAdministratorRightsAreKeptApart() {
        GroupModel plant = models.partition("plant", null);
        GroupModel office = models.partition("office", null);
        models.rights.grant(realm, plant.getId(), person.getId(), PartitionRight.ADMINISTRATOR);
        models.rights.grant(realm, office.getId(), person.getId(), PartitionRight.VIEWER);

        PartitionScope scope = PartitionScope.of(models.session(), realm, person);

        assertThat(scope.managed()).containsExactly(plant.getId());
        assertThat(scope.viewed()).containsExactlyInAnyOrder(plant.getId(), office.getId());
    }

    @Test
    void aRightOnAGroupThatIsGoneIsIgnored() {
        models.rights.grant(realm, "deleted-group-id", person.getId(), PartitionRight.ADMINISTRATOR);

        assertThat(PartitionScope.of(models.session(), realm, person).isEmpty()).isTrue();
    }
}
