package org.dnw.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Works out the splits and classes of an image folder from the paths of its files ({@code train/}
 * and {@code test/}, one folder per class, loose documents and a single top folder skipped), checks
 * the decoded images agree in size and builds the sample arrays. Stateless.
 */
final class ImageFolderLayout {

    private static final Set<String> DOCUMENT_EXTENSIONS =
            Set.of(
                    "txt", "md", "csv", "tsv", "json", "html", "htm", "pdf", "rst", "yaml", "yml",
                    "xml", "py", "ipynb", "sh");

    /** One file of the source and, once decoded, its image or why it is none. */
    static final class Slot {
        final String path;
        final String[] parts;
        volatile ImageDecoder.Decoded image;
        volatile String problem;
        volatile String sha256;

        Slot(String path) {
            this.path = path;
            this.parts = path.split("/");
        }
    }

    private ImageFolderLayout() {}

    static ImageFolderReader.Decoded build(Path source, List<Slot> all, Set<String> folders)
            throws DataFormatException {
        List<Slot> slots = new ArrayList<>(all);
        slots.sort((a, b) -> a.path.compareTo(b.path));
        String[] prefix = commonTop(slots);
        int depth = prefix.length;
        String base = String.join("/", prefix);
        List<Slot> inside = new ArrayList<>();
        for (Slot s : slots) {
            if (startsWith(s.parts, prefix)) {
                inside.add(s);
            }
        }
        Set<String> top = new TreeSet<>();
        for (String folder : folders) {
            String[] parts = folder.split("/");
            if (parts.length == depth + 1 && startsWith(parts, prefix)) {
                top.add(parts[depth]);
            }
        }
        String trainName = find(top, "train");
        String testName = find(top, "test");
        boolean given = trainName != null && testName != null;
        List<String> groups =
                given
                        ? List.of(trainName, testName)
                        : trainName != null ? List.of(trainName) : List.of("");
        List<Map<String, List<Slot>>> byGroup = new ArrayList<>();
        for (String group : groups) {
            String[] groupPrefix = group.isEmpty() ? prefix : append(prefix, group);
            byGroup.add(classes(source, inside, folders, groupPrefix));
        }
        Map<String, List<Slot>> trainClasses = byGroup.get(0);
        String where = trainName != null ? join(base, trainName) : base;
        if (trainClasses.isEmpty()) {
            throw new DataFormatException(
                    source,
                    (where.isEmpty() ? "" : where + " ")
                            + "has no class subfolders: an image folder holds one subfolder"
                            + " per class (e.g. cat/ and dog/), each with that class's images");
        }
        if (trainClasses.size() < 2) {
            throw new DataFormatException(
                    source,
                    "has only one class folder ("
                            + join(where, trainClasses.keySet().iterator().next())
                            + "); a classifier needs at least two");
        }
        List<String> classNames = new ArrayList<>(trainClasses.keySet());
        if (given) {
            for (String testClass : byGroup.get(1).keySet()) {
                if (!trainClasses.containsKey(testClass)) {
                    throw new DataFormatException(
                            source,
                            join(join(base, testName), testClass)
                                    + " is a test class with no folder in "
                                    + join(base, trainName)
                                    + " (the training classes are "
                                    + String.join(", ", classNames)
                                    + ")");
                }
            }
        }
        int[] size = null;
        Slot sizeSlot = null;
        boolean grey = true;
        for (Map<String, List<Slot>> group : byGroup) {
            for (List<Slot> members : group.values()) {
                for (Slot s : members) {
                    if (s.problem != null) {
                        throw new DataFormatException(source, s.path + " " + s.problem);
                    }
                    ImageDecoder.Decoded d = s.image;
                    if (size == null) {
                        size = new int[] {d.width(), d.height()};
                        sizeSlot = s;
                    } else if (d.width() != size[0] || d.height() != size[1]) {
                        throw new DataFormatException(
                                source,
                                "images differ in size: "
                                        + sizeSlot.path
                                        + " is "
                                        + size[0]
                                        + "×"
                                        + size[1]
                                        + " but "
                                        + s.path
                                        + " is "
                                        + d.width()
                                        + "×"
                                        + d.height()
                                        + "; every image of a data set must have the same size");
                    }
                    grey &= d.grey();
                }
            }
        }
        int channels = grey ? 1 : 3;
        ImageSamples train = assemble(source, byGroup.get(0), classNames, channels, size);
        ImageSamples test =
                given ? assemble(source, byGroup.get(1), classNames, channels, size) : null;
        return new ImageFolderReader.Decoded(train, test);
    }

    /** Classes of one group: class folder name → its images, sorted by name. */
    private static Map<String, List<Slot>> classes(
            Path source, List<Slot> slots, Set<String> folders, String[] groupPrefix)
            throws DataFormatException {
        int depth = groupPrefix.length;
        Map<String, List<Slot>> out = new TreeMap<>();
        for (String folder : folders) {
            String[] parts = folder.split("/");
            if (parts.length == depth + 1 && startsWith(parts, groupPrefix)) {
                out.put(parts[depth], new ArrayList<>());
            }
        }
        for (Slot s : slots) {
            if (!startsWith(s.parts, groupPrefix)) {
                continue;
            }
            if (s.parts.length == depth + 1) {
                if (isDocument(s.parts[depth])) {
                    continue;
                }
                String where = String.join("/", groupPrefix);
                throw new DataFormatException(
                        source,
                        s.path
                                + " sits beside the class folders"
                                + (where.isEmpty() ? "" : " of " + where)
                                + "; every image must be inside the folder of its class (e.g."
                                + " cat/"
                                + s.parts[depth]
                                + ")");
            }
            out.computeIfAbsent(s.parts[depth], k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, List<Slot>> e : out.entrySet()) {
            if (e.getValue().isEmpty()) {
                throw new DataFormatException(
                        source,
                        "the class folder "
                                + join(String.join("/", groupPrefix), e.getKey())
                                + " holds no images");
            }
        }
        return out;
    }

    private static ImageSamples assemble(
            Path source,
            Map<String, List<Slot>> group,
            List<String> classNames,
            int channels,
            int[] size)
            throws DataFormatException {
        int count = group.values().stream().mapToInt(List::size).sum();
        int plane = size[0] * size[1];
        int imageBytes = channels * plane;
        byte[] pixels = ReadSupport.bytes((long) count * imageBytes, source, "the images");
        int[] labels = new int[count];
        int i = 0;
        for (Map.Entry<String, List<Slot>> e : group.entrySet()) {
            int label = classNames.indexOf(e.getKey());
            for (Slot s : e.getValue()) {
                byte[] p = s.image.planes();
                int off = i * imageBytes;
                if (channels == 1 || !s.image.grey()) {
                    System.arraycopy(p, 0, pixels, off, imageBytes);
                } else {
                    for (int c = 0; c < 3; c++) {
                        System.arraycopy(p, 0, pixels, off + c * plane, plane);
                    }
                }
                // Let the collector take each image as soon as it sits in the big array.
                s.image = null;
                labels[i++] = label;
            }
        }
        return new ImageSamples(channels, size[1], size[0], pixels, labels, classNames);
    }

    /** The folders every image-like file sits under, as long as each has a class folder below. */
    private static String[] commonTop(List<Slot> slots) {
        List<String> prefix = new ArrayList<>();
        while (true) {
            String candidate = null;
            boolean ok = false;
            int depth = prefix.size();
            for (Slot s : slots) {
                if (!startsWith(s.parts, prefix.toArray(String[]::new))) {
                    continue;
                }
                if (s.parts.length - depth < 3) {
                    if (isDocument(s.parts[s.parts.length - 1])) {
                        continue;
                    }
                    return prefix.toArray(String[]::new);
                }
                if (candidate == null) {
                    candidate = s.parts[depth];
                    ok = true;
                } else if (!candidate.equals(s.parts[depth])) {
                    return prefix.toArray(String[]::new);
                }
            }
            if (!ok || candidate.equalsIgnoreCase("train") || candidate.equalsIgnoreCase("test")) {
                return prefix.toArray(String[]::new);
            }
            prefix.add(candidate);
        }
    }

    private static boolean startsWith(String[] parts, String[] prefix) {
        if (parts.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (!parts[i].equals(prefix[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(String[] parts, List<String> prefix) {
        return startsWith(parts, prefix.toArray(String[]::new));
    }

    private static String[] append(String[] prefix, String last) {
        String[] out = Arrays.copyOf(prefix, prefix.length + 1);
        out[prefix.length] = last;
        return out;
    }

    private static String find(Set<String> names, String wanted) {
        for (String n : names) {
            if (n.equalsIgnoreCase(wanted)) {
                return n;
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + "/" + b;
    }

    static boolean isDocument(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.startsWith("readme")
                || lower.startsWith("license")
                || lower.startsWith("licence")) {
            return true;
        }
        int dot = lower.lastIndexOf('.');
        return dot > 0 && DOCUMENT_EXTENSIONS.contains(lower.substring(dot + 1));
    }
}
