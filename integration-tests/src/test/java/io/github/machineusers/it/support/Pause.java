package io.github.machineusers.it.support;

/** A sleep between polls that turns an interrupt into a failure of the waiting test. */
final class Pause {

    private Pause() {
    }

    static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
