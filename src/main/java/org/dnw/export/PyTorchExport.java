package org.dnw.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dnw.train.ParameterValues;

/**
 * Writes a saved run as PyTorch into a folder: {@code model.py} ({@link ModelPy}), {@code model.pt}
 * ({@link TorchStateDict}, the trained parameters), and the scripts and README of {@link
 * PythonScripts}. All files are written into a hidden folder beside the target and moved into place
 * with one rename, so the target is either complete or untouched. Stateless.
 */
public final class PyTorchExport {

    /** The state_dict file's name. */
    public static final String MODEL_PT = "model.pt";

    /** The module's file name. */
    public static final String MODEL_PY = "model.py";

    private PyTorchExport() {}

    /** What was written. */
    public record Written(Path folder, List<String> files, int parameterTensors) {

        public Written {
            files = List.copyOf(files);
        }
    }

    /**
     * Exports {@code exported} into {@code folder}.
     *
     * @param folder a new or empty folder, or (with {@code replace}) one to replace whole
     * @param replace whether a folder that holds files may be replaced
     * @throws IllegalArgumentException with a sentence when the folder is a file or holds files and
     *     {@code replace} is false
     * @throws IOException with a sentence when the folder cannot be written; nothing is left behind
     */
    public static Written write(ExportedRun exported, Path folder, boolean replace)
            throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        checkTarget(target, replace);
        Map<String, ParameterValues> state = exported.network().stateDict();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(
                MODEL_PY,
                ModelPy.source(
                        exported.network(), exported.runName(), exported.run().classNames()));
        texts.putAll(PythonScripts.files(exported));
        Path parent = target.getParent();
        Path temp;
        try {
            Files.createDirectories(parent);
            temp = ExportFiles.hiddenFolder(parent, ".export-");
        } catch (IOException e) {
            throw ExportFiles.cannotWrite(parent, e);
        }
        try {
            for (Map.Entry<String, String> e : texts.entrySet()) {
                Files.writeString(temp.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
            }
            TorchStateDict.write(temp.resolve(MODEL_PT), state);
            publish(temp, target);
        } catch (IOException e) {
            throw ExportFiles.cannotWrite(parent, e);
        } finally {
            ExportFiles.deleteTree(temp);
        }
        List<String> files = new ArrayList<>(texts.keySet());
        files.add(1, MODEL_PT);
        return new Written(target, files, state.size());
    }

    /**
     * Refuses a folder the export cannot go to, before anything is read or written.
     *
     * @throws IllegalArgumentException with a sentence when it is a file, lies under one, or holds
     *     files and {@code replace} is false
     * @throws IOException with a sentence when the nearest existing folder is not writable
     */
    public static void checkTarget(Path folder, boolean replace) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException(
                    target + " is a file — name a new or empty folder to export into");
        }
        if (Files.isDirectory(target) && !isEmpty(target) && !replace) {
            throw new IllegalArgumentException(
                    target
                            + " already holds files — name a new or empty folder, or replace it"
                            + " (--replace)");
        }
        ExportFiles.checkFoldersAbove(target);
    }

    /** Moves the finished {@code temp} to {@code target}, replacing what is there. */
    private static void publish(Path temp, Path target) throws IOException {
        if (Files.isDirectory(target) && !isEmpty(target)) {
            Path old = ExportFiles.hiddenFolder(target.getParent(), ".export-old-");
            Files.delete(old);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
                throw e;
            }
            ExportFiles.deleteTree(old);
            return;
        }
        Files.deleteIfExists(target); // an empty folder
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }
}
