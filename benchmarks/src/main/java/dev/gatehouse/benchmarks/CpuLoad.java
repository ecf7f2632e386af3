package dev.gatehouse.benchmarks;

/**
 * A background thread that keeps one core busy while it runs, so a benchmark can be measured on a loaded CPU as
 * well as an idle one: on an idle machine, every round trip to a database waits for a sleeping core to wake up.
 */
final class CpuLoad {
    private volatile boolean running = true;
    private final Thread spinner;
    @SuppressWarnings("unused") // written so the loop has an effect the JIT cannot remove
    private volatile long spins;

    private CpuLoad() {
        spinner = Thread.ofPlatform().daemon().name("benchmark-cpu-load").unstarted(() -> {
            long local = 0;
            while (running) {
                local++;
                if ((local & 0xFFFF) == 0) {
                    spins = local;
                }
            }
        });
        spinner.start();
    }

    /** Starts spinning on another thread until {@link #stop()}. */
    static CpuLoad start() {
        return new CpuLoad();
    }

    void stop() {
        running = false;
        try {
            spinner.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
