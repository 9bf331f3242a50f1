package io.github.machineusers.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.machineusers.model.UsageDays;
import org.junit.jupiter.api.Test;

class UsageBufferTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final long TODAY = UsageDays.epochDay(NOW);

    @Test
    void drainTakesCountsAndLastUseOnce() {
        UsageBuffer buffer = new UsageBuffer();
        buffer.tokenIssued("r", "mu", NOW);
        buffer.tokenIssued("r", "mu", NOW);
        buffer.failedAttempt("r", "mu", NOW);
        buffer.keyUsed("k", NOW);
        buffer.keyUsed("k", NOW - 5);

        UsageBuffer.Drained drained = buffer.drain(TODAY);
        assertThat(drained.counts()).singleElement().satisfies(c -> {
            assertThat(c.tokensIssued()).isEqualTo(2);
            assertThat(c.failedAttempts()).isEqualTo(1);
            assertThat(c.key().epochDay()).isEqualTo(TODAY);
        });
        assertThat(drained.lastUsed()).containsEntry("k", NOW);
        assertThat(buffer.drain(TODAY).isEmpty()).isTrue();
    }

    @Test
    void restoreKeepsWhatAFailedFlushCouldNotWrite() {
        UsageBuffer buffer = new UsageBuffer();
        buffer.tokenIssued("r", "mu", NOW);
        UsageBuffer.Drained drained = buffer.drain(TODAY);
        buffer.tokenIssued("r", "mu", NOW);
        buffer.restore(drained);
        assertThat(buffer.drain(TODAY).counts()).singleElement().satisfies(c -> assertThat(c.tokensIssued()).isEqualTo(2));
    }

    @Test
    void noIncrementIsLostWhileDrainingConcurrently() throws Exception {
        UsageBuffer buffer = new UsageBuffer();
        int threads = 4;
        int perThread = 50_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = 0; i < perThread; i++) {
                    buffer.tokenIssued("r", "mu", NOW);
                }
                done.countDown();
            });
        }
        AtomicLong total = new AtomicLong();
        while (done.getCount() > 0) {
            buffer.drain(TODAY).counts().forEach(c -> total.addAndGet(c.tokensIssued()));
        }
        buffer.drain(TODAY).counts().forEach(c -> total.addAndGet(c.tokensIssued()));
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(total.get()).isEqualTo((long) threads * perThread);
    }

    @Test
    void daysAreUtc() {
        assertThat(UsageDays.epochDay(0)).isZero();
        assertThat(UsageDays.epochDay(86_399_999L)).isZero();
        assertThat(UsageDays.epochDay(86_400_000L)).isEqualTo(1);
        assertThat(UsageDays.epochDay(-1)).isEqualTo(-1);
    }

    @Test
    void aKeyNeverUsedHasNoLastUsedTime() {
        UsageBuffer buffer = new UsageBuffer();
        assertThat(buffer.lastUsed("MUAKAAAAAAAAAAAAAAAA")).isNull();
        buffer.keyUsed("MUAKBBBBBBBBBBBBBBBB", 1_000L);
        buffer.drain(0);
        assertThat(buffer.lastUsed("MUAKAAAAAAAAAAAAAAAA")).as("while another key's time is in flight").isNull();
    }

    @Test
    void aDrainedLastUsedTimeStaysVisibleUntilTheFlushHasCommitted() {
        UsageBuffer buffer = new UsageBuffer();
        buffer.keyUsed("MUAKAAAAAAAAAAAAAAAA", 1_000L);

        buffer.drain(0);
        assertThat(buffer.lastUsed("MUAKAAAAAAAAAAAAAAAA")).as("written, not yet committed").isEqualTo(1_000L);
        buffer.keyUsed("MUAKAAAAAAAAAAAAAAAA", 900L);
        assertThat(buffer.lastUsed("MUAKAAAAAAAAAAAAAAAA")).as("the later of the two").isEqualTo(1_000L);

        buffer.settle();
        assertThat(buffer.lastUsed("MUAKAAAAAAAAAAAAAAAA")).as("only what is still pending").isEqualTo(900L);
    }
}
