package io.github.machineusers.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.machineusers.model.HistoryAction;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.patch.Change;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;
import org.keycloak.services.ErrorResponseException;

class MachineUserManagerTest {

    private final World world = new World();
    private final MachineUserManager manager = world.machineUserManager();

    @Test
    void onlyTheFieldsAChangeSetsAreTouchedAndHistorySaysWhatChanged() {
        world.client.description = "kept";

        manager.update(world.machineUser, new MachineUserChanges(Change.to("Gateway hall 3"), Change.keep(), Change.keep(), Change.to(600)), world.actor);

        assertThat(world.client.name).isEqualTo("Gateway hall 3");
        assertThat(world.client.description).isEqualTo("kept");
        assertThat(world.machineUser.accessTokenLifespan()).isEqualTo(600);
        assertThat(world.searchTextRefreshes).as("a new name is searchable").containsExactly("Gateway hall 3");
        assertThat(world.history).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.UPDATED);
            assertThat(entry.details()).containsOnlyKeys("name", "accessTokenLifespan");
        });
    }

    @Test
    void aFieldSetToNullIsCleared() {
        world.client.description = "old";

        manager.update(world.machineUser, new MachineUserChanges(Change.keep(), Change.to(null), Change.keep(), Change.keep()), world.actor);

        assertThat(world.client.description).isNull();
    }

    @Test
    void theNameCannotBeCleared() {
        assertThatThrownBy(() -> manager.update(world.machineUser,
                new MachineUserChanges(Change.to(null), Change.keep(), Change.keep(), Change.keep()), world.actor))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(world.client.name).isEqualTo("Sensor gateway");
    }

    @Test
    void anAddressRequiredByThePolicyCannotBeRemoved() {
        world.realmAttributes.put("machine-users.policy.notification-email-required", "true");
        world.client.attributes.put(MachineUser.NOTIFICATION_EMAIL, "ops@example.com");

        assertThatThrownBy(() -> manager.update(world.machineUser,
                new MachineUserChanges(Change.keep(), Change.keep(), Change.to(null), Change.keep()), world.actor))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(world.machineUser.notificationEmail()).isEqualTo("ops@example.com");
    }

    @Test
    void suspensionBlocksNewTokensKillsThoseOfThisSecondAndIsRecordedAsTheBan() {
        manager.suspend(world.machineUser, "leaked in a build log", world.actor);

        assertThat(world.client.enabled).isFalse();
        assertThat(world.client.notBefore).isGreaterThan(Time.currentTime());
        assertThat(world.machineUser.suspendedReason()).isEqualTo("leaked in a build log");
        assertThat(world.recordedStates).as("the ban the stock API cannot lift").containsExactly("false/" + world.client.notBefore);
        assertThat(world.history).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.SUSPENDED);
            assertThat(entry.details()).containsEntry("reason", "leaked in a build log");
        });
    }

    @Test
    void resumingAllowsNewTokensButTheOldOnesStayDead() {
        manager.suspend(world.machineUser, null, world.actor);
        int notBefore = world.client.notBefore;

        manager.resume(world.machineUser, world.actor);

        assertThat(world.client.enabled).isTrue();
        assertThat(world.client.notBefore).isEqualTo(notBefore);
        assertThat(world.machineUser.suspendedReason()).isNull();
        assertThat(Time.currentTime()).as("a token issued now is born alive").isGreaterThanOrEqualTo(notBefore);
    }
}
