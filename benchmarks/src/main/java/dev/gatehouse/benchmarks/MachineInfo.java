package dev.gatehouse.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The machine a run was on: processors, memory and CPU model (from {@code /proc} on Linux), the JDK and the OS.
 *
 * @param processors available processors
 * @param memory total memory as the OS reports it, or "unknown"
 * @param cpuModel the CPU's model name, or "unknown"
 * @param jdk vendor, runtime version and VM
 * @param os name, version and architecture
 * @param loadAverage the 1, 5 and 15 minute load averages when the run ended (other work on the machine shows here)
 */
public record MachineInfo(int processors, String memory, String cpuModel, String jdk, String os, String loadAverage) {
    static MachineInfo current() {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                procLine("/proc/meminfo", "MemTotal")
                        .map(kilobytes -> String.format(Locale.ROOT, "%.1f GiB",
                                Long.parseLong(kilobytes.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                        .orElse("unknown"),
                procLine("/proc/cpuinfo", "model name").orElse("unknown"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                currentLoadAverage());
    }

    private static String currentLoadAverage() {
        try {
            var fields = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** @return the value of the first {@code key: value} line of a /proc file */
    private static Optional<String> procLine(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
