package org.dnw.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.dnw.data.CorruptionKind;
import org.dnw.data.CorruptionSpec;
import org.dnw.data.CorruptionSweep;
import org.dnw.runs.CorruptedEvaluation;
import org.dnw.store.RunStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code robustness RUN...}: test accuracy of saved runs as the test images get worse. */
@Command(
        name = "robustness",
        mixinStandardHelpOptions = true,
        description =
                "Evaluate saved runs on their test split corrupted by noise, blur or lost contrast, at several strengths.")
final class RobustnessCommand implements Callable<Integer> {

    @Mixin RunsArgument runs = new RunsArgument();

    @Option(
            names = "--kind",
            defaultValue = "noisy-camera",
            description =
                    "gaussian, salt-and-pepper, blur, contrast or noisy-camera (Gaussian σ = s plus salt & pepper s/6) (default: ${DEFAULT-VALUE})")
    String kind;

    @Option(
            names = "--strengths",
            split = ",",
            description = "strengths to test (default: the kind's, e.g. 0, 0.1, …, 0.5)")
    List<Double> strengths;

    @Option(
            names = "--mix",
            paramLabel = "K=V,...",
            description = "also test one mixture, e.g. noise=0.2,salt=0.02,blur=1,contrast=0.3")
    String mix;

    @Option(
            names = "--seed",
            defaultValue = "2024",
            description = "noise seed, the same for every run (default: ${DEFAULT-VALUE})")
    long seed;

    @Mixin RunsDirOption runsDir = new RunsDirOption();

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CorruptionKind k =
                TrainingOptions.parse(
                        CorruptionKind.class,
                        kind.replace("noisy-camera", "noisy_camera")
                                .replace("salt-and-pepper", "salt_and_pepper")
                                .replace("gaussian", "gaussian_noise")
                                .replace("gaussian_noise_noise", "gaussian_noise"),
                        "corruption kind");
        CorruptionSweep sweep =
                strengths == null ? CorruptionSweep.defaults(k) : CorruptionSweep.of(k, strengths);
        List<CorruptionSpec> points = new ArrayList<>(sweep.points());
        List<String> labels = new ArrayList<>(sweep.labels());
        if (mix != null) {
            CorruptionSpec m = mixture(mix);
            points.add(m);
            labels.add(m.label());
        }
        RunStore store = runsDir.store();
        List<Path> folders = runs.folders(store);
        double[][] accuracy = new double[points.size()][folders.size()];
        try (CorruptedEvaluation evaluation = new CorruptedEvaluation(store, DataSets.catalog())) {
            for (int r = 0; r < folders.size(); r++) {
                for (int p = 0; p < points.size(); p++) {
                    try {
                        accuracy[p][r] =
                                evaluation.accuracy(
                                        folders.get(r), points.get(p), seed, d -> {}, () -> false);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                "Could not check "
                                        + folders.get(r).getFileName()
                                        + ": "
                                        + e.getMessage());
                    }
                }
                out.printf(Locale.ROOT, "checked %s%n", folders.get(r).getFileName());
                out.flush();
            }
        }
        int width = Math.max(28, labels.stream().mapToInt(String::length).max().orElse(10) + 2);
        StringBuilder head =
                new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s", "test images"));
        for (Path f : folders) {
            head.append(
                    String.format(
                            Locale.ROOT, "  %-26s", abbreviate(f.getFileName().toString(), 26)));
        }
        out.println(head);
        for (int p = 0; p < points.size(); p++) {
            StringBuilder line =
                    new StringBuilder(
                            String.format(Locale.ROOT, "%-" + width + "s", labels.get(p)));
            for (int r = 0; r < folders.size(); r++) {
                line.append(String.format(Locale.ROOT, "  %-26s", Tables.pct(accuracy[p][r])));
            }
            out.println(line);
        }
        return ExitCodes.OK;
    }

    static CorruptionKind kind(String name) {
        return switch (name.toLowerCase(Locale.ROOT).replaceAll("[\\s_&-]", "")) {
            case "gaussian", "gaussiannoise", "noise" -> CorruptionKind.GAUSSIAN_NOISE;
            case "saltandpepper", "saltpepper", "salt", "sp" -> CorruptionKind.SALT_AND_PEPPER;
            case "blur" -> CorruptionKind.BLUR;
            case "contrast", "contrastreduction" -> CorruptionKind.CONTRAST;
            case "noisycamera", "camera" -> CorruptionKind.NOISY_CAMERA;
            default ->
                    throw new IllegalArgumentException(
                            "no corruption '"
                                    + name
                                    + "' — choose gaussian, salt-and-pepper, blur, contrast or noisy-camera");
        };
    }

    static CorruptionSpec mixture(String text) {
        CorruptionSpec spec = CorruptionSpec.NONE;
        for (String part : text.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException(
                        "--mix needs KEY=VALUE pairs, not '" + part + "'");
            }
            double v;
            try {
                v = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "--mix " + kv[0] + " needs a number, not '" + kv[1] + "'");
            }
            CorruptionSpec one =
                    switch (kv[0].strip().toLowerCase(Locale.ROOT)) {
                        case "noise", "gaussian" -> CorruptionSpec.gaussianNoise(v);
                        case "salt", "sp" -> CorruptionSpec.saltAndPepper(v);
                        case "blur" -> CorruptionSpec.blur(v);
                        case "contrast" -> CorruptionSpec.contrastReduction(v);
                        default ->
                                throw new IllegalArgumentException(
                                        "--mix knows noise, salt, blur and contrast, not '"
                                                + kv[0]
                                                + "'");
                    };
            spec = spec.plus(one);
        }
        return spec;
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : "…" + s.substring(s.length() - max + 1);
    }
}
