package org.despin.eval;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The process's peak memory so far, for {@code despin bench}.
 *
 * @param peakHeapBytes the sum of the heap pools' peak use (an upper bound on the heap's peak: the
 *     pools need not peak together)
 * @param peakResidentBytes the process's peak resident set (Linux {@code VmHWM}, which counts the
 *     pages of the memory-mapped model that were read), or -1 where the system does not say
 */
public record MemoryUse(long peakHeapBytes, long peakResidentBytes) {
    private static final Path STATUS = Path.of("/proc/self/status");

    /** The peaks of this JVM so far. */
    public static MemoryUse peaks() {
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        return new MemoryUse(heap, peakResident());
    }

    private static long peakResident() {
        try {
            return peakResident(Files.readAllLines(STATUS, StandardCharsets.UTF_8));
        } catch (IOException | SecurityException e) {
            return -1;
        }
    }

    /** The {@code VmHWM} line of a {@code /proc/PID/status} file in bytes, or -1 if it has none. */
    static long peakResident(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmHWM:")) {
                String[] parts = line.substring("VmHWM:".length()).strip().split("\\s+");
                try {
                    long value = Long.parseLong(parts[0]);
                    return parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value;
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
