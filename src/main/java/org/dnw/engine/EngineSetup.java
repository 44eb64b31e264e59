package org.dnw.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.dnw.train.TrainingEngine;

/**
 * Starts the PyTorch engine once per JVM with the project's settings and picks the one device runs
 * use. Thread-safe.
 */
public final class EngineSetup {

    private static volatile boolean configured;

    private EngineSetup() {}

    /**
     * Sets the engine's system properties (intra-op threads = available processors, one inter-op
     * thread, no telemetry) unless the user set them. DJL reads them once, when the engine starts,
     * so this must run before the first DJL call; later calls do nothing.
     */
    public static synchronized void configure() {
        if (configured) {
            return;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        setIfAbsent("ai.djl.pytorch.num_threads", String.valueOf(cores));
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("OPT_OUT_TRACKING", "true");
        configured = true;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /**
     * The PyTorch engine, started on first use (the first start of a machine unpacks the native
     * library, which can take a minute). Call it off the FX thread.
     *
     * @throws EngineUnavailableException with a sentence when the native library cannot load
     */
    public static Engine engine() {
        configure();
        try {
            return Engine.getEngine("PyTorch");
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new EngineUnavailableException(
                    "PyTorch could not start ("
                            + (e.getMessage() == null
                                    ? e.getClass().getSimpleName()
                                    : e.getMessage())
                            + "). Check that ~/.djl.ai is writable and has about 500 MB free.",
                    e);
        }
    }

    /** The device every run uses: the first GPU when the engine reports one, else the CPU. */
    public static Device device() {
        return engine().getGpuCount() > 0 ? Device.gpu(0) : Device.cpu();
    }

    /** The device as a user reads it, e.g. "CPU (2 threads)" or "GPU 0 (CUDA 8.0, 139 GiB)". */
    public static String describe(Device device) {
        if (device.isGpu()) {
            String text = "GPU " + device.getDeviceId();
            try {
                String capability = CudaUtils.getComputeCapability(device.getDeviceId());
                long bytes = CudaUtils.getGpuMemory(device).getMax();
                text +=
                        String.format(
                                Locale.ROOT,
                                " (CUDA compute %s.%s, %.0f GiB)",
                                capability.substring(0, capability.length() - 1),
                                capability.substring(capability.length() - 1),
                                bytes / (1024.0 * 1024 * 1024));
            } catch (RuntimeException | LinkageError ignored) {
                // the name is a nicety; the device id is what matters
            }
            return text;
        }
        return "CPU (" + System.getProperty("ai.djl.pytorch.num_threads", "?") + " threads)";
    }

    /**
     * Library and platform versions, keys "engine" (always "PyTorch (DJL)"), "djl", "pytorch",
     * "java", "os".
     */
    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("engine", "PyTorch (DJL)");
        env.put("djl", Engine.getDjlVersion());
        env.put("pytorch", engine().getVersion());
        env.putAll(TrainingEngine.platform());
        return env;
    }

    /** Thrown when the native engine cannot start; the message is a sentence for the user. */
    public static final class EngineUnavailableException extends RuntimeException {
        EngineUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
