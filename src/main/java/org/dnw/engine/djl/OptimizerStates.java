package org.dnw.engine.djl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The state an optimiser keeps between steps, held where a checkpoint can read and restore it: the
 * per-parameter update counts (DJL's {@code Optimizer.updateCount}, which Adam's bias correction
 * reads) and the state maps the optimiser passes to {@code withDefaultState} (Adam: the means, then
 * the variances; SGD with momentum: the momentum buffers; {@link ArrayOptimizer}: its one state
 * array), numbered in the order they are first seen. Shared by {@link InPlaceAdam}, {@link
 * InPlaceSgd} and {@link ArrayOptimizer}, which route those two protected hooks here, keeping their
 * state maps in the order DJL's own {@code Adam} and {@code Sgd} do (Adam: means first), so
 * checkpoints written with DJL's optimizers resume with these.
 *
 * <p>Counting is DJL's: each parameter's count grows by one per update, and the value returned is
 * the largest count any parameter has reached. Used on the training thread only.
 */
final class OptimizerStates {

    private final List<Map<String, Map<Device, NDArray>>> maps = new ArrayList<>();
    private final Map<String, Integer> counts = new ConcurrentHashMap<>();
    private int updateNumber;
    private final Map<String, float[]> pending = new HashMap<>();

    /** {@code Optimizer.updateCount}: counts one more update of {@code parameterId}. */
    int count(String parameterId) {
        int c = counts.merge(parameterId, 1, Integer::sum);
        updateNumber = Math.max(updateNumber, c);
        return updateNumber;
    }

    /**
     * The initialiser to pass on to {@code Optimizer.withDefaultState}: records {@code map} and,
     * when a restored array waits for this state and parameter, fills the new array with it.
     */
    Function<String, NDArray> initializer(
            Map<String, Map<Device, NDArray>> map,
            String parameterId,
            Function<String, NDArray> init) {
        int k = indexOf(map);
        if (k < 0) {
            maps.add(map);
            k = maps.size() - 1;
        }
        if (pending.isEmpty() || map.containsKey(parameterId)) {
            return init;
        }
        float[] saved = pending.remove(k + ":" + parameterId);
        if (saved == null) {
            return init;
        }
        return key -> {
            NDArray a = init.apply(key);
            a.set(FloatBuffer.wrap(saved));
            return a;
        };
    }

    private int indexOf(Map<String, Map<Device, NDArray>> map) {
        for (int i = 0; i < maps.size(); i++) {
            if (maps.get(i) == map) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Every state array, keyed {@code state<k>.<name>} ({@code k} the map's number, {@code name}
     * the parameter's name from {@code names}, which maps parameter ids to names).
     */
    Map<String, NDArray> arrays(Map<String, String> names) {
        Map<String, NDArray> out = new java.util.LinkedHashMap<>();
        for (int k = 0; k < maps.size(); k++) {
            for (Map.Entry<String, Map<Device, NDArray>> e : maps.get(k).entrySet()) {
                String name = names.get(e.getKey());
                if (name == null || e.getValue().isEmpty()) {
                    continue;
                }
                out.put("state" + k + "." + name, e.getValue().values().iterator().next());
            }
        }
        return out;
    }

    /** Each parameter's update count, by name. */
    Map<String, Integer> counts(Map<String, String> names) {
        Map<String, Integer> out = new java.util.TreeMap<>();
        counts.forEach(
                (id, c) -> {
                    String name = names.get(id);
                    if (name != null) {
                        out.put(name, c);
                    }
                });
        return out;
    }

    int updateNumber() {
        return updateNumber;
    }

    /**
     * Restores saved counts and arrays on a fresh optimiser, before its first update: {@code
     * arrays} keyed as {@link #arrays}, {@code ids} mapping parameter names to this network's ids.
     */
    void restore(
            Map<String, Integer> savedCounts,
            int savedUpdateNumber,
            Map<String, float[]> arrays,
            Map<String, String> ids) {
        counts.clear();
        savedCounts.forEach(
                (name, c) -> {
                    String id = ids.get(name);
                    if (id == null) {
                        throw new IllegalArgumentException("no parameter " + name);
                    }
                    counts.put(id, c);
                });
        updateNumber = savedUpdateNumber;
        pending.clear();
        arrays.forEach(
                (key, values) -> {
                    int dot = key.indexOf('.');
                    String id = dot < 0 ? null : ids.get(key.substring(dot + 1));
                    if (!key.startsWith("state") || id == null) {
                        throw new IllegalArgumentException("no parameter for " + key);
                    }
                    pending.put(key.substring(5, dot) + ":" + id, values);
                });
    }
}
