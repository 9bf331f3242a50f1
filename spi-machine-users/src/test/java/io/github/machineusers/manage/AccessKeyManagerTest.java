package io.github.machineusers.manage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.model.AccessKeyLimitReachedException;
import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.model.HistoryAction;
import io.github.machineusers.model.IssuedAccessKey;
import io.github.machineusers.patch.Change;
import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;
import org.keycloak.services.ErrorResponseException;

class AccessKeyManagerTest {

    private final World world = new World();
    private final AccessKeyManager manager = world.keyManager();

    @Test
    void theServiceMakesTheSecretAndStorageSeesOnlyItsHash() {
        IssuedAccessKey issued = manager.issue(world.machineUser, "gateway in hall 3", null, world.actor);

        World.StoredKey stored = world.keys.get(issued.key().getId());
        assertThat(AccessKeySecrets.looksLikeKeyId(stored.getId())).isTrue();
        assertThat(issued.secret()).startsWith(AccessKeySecrets.SECRET_PREFIX);
        assertThat(stored.getSecretHash()).isNotEqualTo(issued.secret()).doesNotContain(issued.secret());
        assertThat(stored.secretMatches(issued.secret())).isTrue();
        assertThat(stored.getCreatedBy()).isEqualTo("alice");
        assertThat(world.history).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.KEY_CREATED);
            assertThat(entry.details()).containsEntry("keyId", stored.getId()).doesNotContainValue(issued.secret());
        });
    }

    @Test
    void theRealmPolicyCapsHowManyKeysStorageAccepts() {
        world.realmAttributes.put("machine-users.policy.max-keys-per-machine-user", "1");
        manager.issue(world.machineUser, null, null, world.actor);

        assertThatThrownBy(() -> manager.issue(world.machineUser, null, null, world.actor))
                .isInstanceOf(AccessKeyLimitReachedException.class);
        assertThat(world.keys).hasSize(1);
    }

    @Test
    void withAMaximumLifetimeEveryKeyExpiresAndNoneBeyondIt() {
        world.realmAttributes.put("machine-users.policy.max-key-lifetime-days", "30");
        long now = Time.currentTimeMillis();

        IssuedAccessKey issued = manager.issue(world.machineUser, null, null, world.actor);

        assertThat(issued.key().getExpiresAt()).isBetween(now + TimeUnit.DAYS.toMillis(30) - 5_000, now + TimeUnit.DAYS.toMillis(30) + 5_000);
        assertThatThrownBy(() -> manager.issue(world.machineUser, null, now + TimeUnit.DAYS.toMillis(31), world.actor))
                .isInstanceOf(ErrorResponseException.class);
    }

    @Test
    void deactivatingKillsTheTokensOfThisSecondAndIsRecorded() {
        IssuedAccessKey issued = manager.issue(world.machineUser, null, null, world.actor);
        world.history.clear();

        manager.update(world.machineUser, issued.key(), changes(Change.to(CredentialStatus.INACTIVE), Change.keep(), Change.keep()), world.actor);

        assertThat(issued.key().getStatus()).isEqualTo(CredentialStatus.INACTIVE);
        assertThat(issued.key().getTokensNotBefore()).isGreaterThan(Time.currentTime());
        assertThat(world.history).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.KEY_UPDATED);
            assertThat(entry.details()).containsEntry("status", "INACTIVE");
        });
    }

    @Test
    void anUpdateThatChangesNothingWritesNoHistory() {
        IssuedAccessKey issued = manager.issue(world.machineUser, "same", null, world.actor);
        world.history.clear();

        manager.update(world.machineUser, issued.key(), changes(Change.to(CredentialStatus.ACTIVE), Change.keep(), Change.to("same")), world.actor);

        assertThat(world.history).isEmpty();
    }

    @Test
    void anExpiryCannotBeRemovedWhenThePolicyRequiresOne() {
        world.realmAttributes.put("machine-users.policy.max-key-lifetime-days", "30");
        IssuedAccessKey issued = manager.issue(world.machineUser, null, null, world.actor);
        Long expiry = issued.key().getExpiresAt();

        assertThatThrownBy(() -> manager.update(world.machineUser, issued.key(), changes(Change.keep(), Change.to(null), Change.keep()), world.actor))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(issued.key().getExpiresAt()).isEqualTo(expiry);
    }

    @Test
    void aDescriptionWithControlCharactersChangesNothing() {
        IssuedAccessKey issued = manager.issue(world.machineUser, "before", null, world.actor);

        assertThatThrownBy(() -> manager.update(world.machineUser, issued.key(),
                changes(Change.to(CredentialStatus.INACTIVE), Change.keep(), Change.to("line\nbreak")), world.actor))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(issued.key().getDescription()).isEqualTo("before");
        assertThat(issued.key().getStatus()).as("validated before anything is applied").isEqualTo(CredentialStatus.ACTIVE);
    }

    @Test
    void aReplacementTakesTheOldKeysPlaceWithANewSecretAndTheOldDescription() {
        IssuedAccessKey old = manager.issue(world.machineUser, "hall 3", null, world.actor);

        IssuedAccessKey replacement = manager.replace(world.machineUser, old.key(), null, null, world.actor);

        assertThat(world.keys).containsOnlyKeys(replacement.key().getId());
        assertThat(replacement.secret()).isNotEqualTo(old.secret());
        assertThat(replacement.key().getDescription()).isEqualTo("hall 3");
        assertThat(world.history).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(HistoryAction.KEY_REPLACED);
            assertThat(entry.details()).containsEntry("replacedKeyId", old.key().getId());
        });
    }

    @Test
    void replacingAKeyThatIsAlreadyGoneIsNotFound() {
        IssuedAccessKey old = manager.issue(world.machineUser, null, null, world.actor);
        manager.delete(world.machineUser, old.key(), world.actor);

        assertThatThrownBy(() -> manager.replace(world.machineUser, old.key(), null, null, world.actor)).isInstanceOf(NotFoundException.class);
        assertThat(world.history).extracting(World.Entry::action).containsExactly(HistoryAction.KEY_CREATED, HistoryAction.KEY_DELETED);
    }

    private static CredentialChanges changes(Change<CredentialStatus> status, Change<Long> expiresAt, Change<String> description) {
        return new CredentialChanges(status, expiresAt, description);
    }
}
