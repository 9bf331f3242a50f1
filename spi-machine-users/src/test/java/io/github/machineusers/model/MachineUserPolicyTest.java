package io.github.machineusers.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class MachineUserPolicyTest {

    @Test
    void defaultsAreTwoKeysNoCapAndWarningsAt14And1Days() {
        MachineUserPolicy policy = MachineUserPolicy.defaults();
        assertThat(policy.maxKeysPerMachineUser()).isEqualTo(2);
        assertThat(policy.maxKeyLifetimeDays()).isNull();
        assertThat(policy.keyExpiryWarningDays()).containsExactly(14, 1);
        assertThat(policy.problems()).isEmpty();
    }

    @Test
    void keyLimitMustStayWithinOneToTen() {
        assertThat(new MachineUserPolicy(0, null, List.of(), null).problems()).singleElement().asString().contains("maxKeysPerMachineUser");
        assertThat(new MachineUserPolicy(11, null, List.of(), null).problems()).isNotEmpty();
        assertThat(new MachineUserPolicy(10, null, List.of(), null).problems()).isEmpty();
    }

    @Test
    void warningDaysAreSortedAndChecked() {
        assertThat(new MachineUserPolicy(2, 90, List.of(1, 30, 7), null).keyExpiryWarningDays()).containsExactly(30, 7, 1);
        assertThat(new MachineUserPolicy(2, 90, List.of(7, 7), null).problems()).anyMatch(p -> p.contains("distinct"));
        assertThat(new MachineUserPolicy(2, 90, List.of(0), null).problems()).isNotEmpty();
        assertThat(new MachineUserPolicy(2, 90, Arrays.asList(1, null), null).problems()).isNotEmpty();
    }

    @Test
    void lifetimeCapGivesTheLatestExpiry() {
        MachineUserPolicy policy = new MachineUserPolicy(2, 90, List.of(), null);
        assertThat(policy.latestExpiry(1_000L)).isEqualTo(1_000L + 90L * 86_400_000L);
        assertThat(MachineUserPolicy.defaults().latestExpiry(1_000L)).isNull();
        assertThat(new MachineUserPolicy(2, 0, List.of(), null).problems()).isNotEmpty();
    }

    @Test
    void tokenLifespanIsBounded() {
        assertThat(new MachineUserPolicy(2, null, List.of(), 0).problems()).isNotEmpty();
        assertThat(new MachineUserPolicy(2, null, List.of(), 300).problems()).isEmpty();
    }
}
