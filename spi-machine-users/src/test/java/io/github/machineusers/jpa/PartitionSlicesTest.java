package io.github.machineusers.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PartitionSlicesTest {

    @Test
    void slicesHoldEveryIdOnceAndNoneHoldsMoreThanOneStatementTakes() {
        Set<String> ids = IntStream.range(0, 2 * JpaMachineUserProvider.MAX_BOUND_PARTITIONS + 7)
                .mapToObj(i -> "partition-" + i).collect(Collectors.toSet());

        List<Set<String>> slices = JpaMachineUserProvider.slices(ids);

        assertThat(slices).hasSize(3).allSatisfy(slice -> assertThat(slice).hasSizeLessThanOrEqualTo(JpaMachineUserProvider.MAX_BOUND_PARTITIONS));
        Set<String> union = new HashSet<>();
        slices.forEach(union::addAll);
        assertThat(union).isEqualTo(ids);
        assertThat(slices.stream().mapToInt(Set::size).sum()).isEqualTo(ids.size());
    }

    @Test
    void aSmallSetIsOneSlice() {
        assertThat(JpaMachineUserProvider.slices(Set.of("a", "b"))).containsExactly(Set.of("a", "b"));
        assertThat(JpaMachineUserProvider.slices(Set.of())).isEmpty();
    }
}
