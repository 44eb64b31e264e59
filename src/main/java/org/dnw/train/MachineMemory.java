package org.dnw.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How much memory training may use on this machine now, for {@link
 * org.dnw.spec.TrainingMemory#check}. Thread-safe.
 */
public final class MachineMemory {

    private static final Path MEMINFO = Path.of("/proc/meminfo");

    private MachineMemory() {}

    /**
     * Bytes available to a training run of {@code engine}. PyTorch's tensors live outside the Java
     * heap: for DJL this is the physical memory available now — Linux's {@code MemAvailable} (free
     * memory plus the file cache it can drop), capped by the total memory the JVM sees (a
     * container's limit), else the operating system's free memory. The plain-Java engine keeps
     * everything on the heap, so for it the heap's room is the limit too. 0 when unknown.
     */
    public static long availableBytes(EngineKind engine) {
        long physical = availablePhysicalBytes();
        if (engine != EngineKind.SCRATCH) {
            return physical;
        }
        Runtime rt = Runtime.getRuntime();
        long heapRoom = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return physical > 0 ? Math.min(physical, heapRoom) : heapRoom;
    }

    /** Physical memory available now, in bytes (see {@link #availableBytes}); 0 when unknown. */
    public static long availablePhysicalBytes() {
        long total = 0;
        long free = 0;
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            total = os.getTotalMemorySize();
            free = os.getFreeMemorySize();
        }
        long available = memAvailable();
        if (available > 0) {
            return total > 0 ? Math.min(available, total) : available;
        }
        return Math.max(0, free);
    }

    /** Linux's estimate of memory available without swapping, in bytes; 0 elsewhere. */
    private static long memAvailable() {
        try {
            for (String line : Files.readAllLines(MEMINFO)) {
                if (line.startsWith("MemAvailable:")) {
                    String[] parts = line.substring(13).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or an unexpected format: fall back to the JVM's figure
        }
        return 0;
    }
}
