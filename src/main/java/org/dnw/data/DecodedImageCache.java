package org.dnw.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decoded image archives kept on disk, so that an archive of 60,000 JPEGs is decoded once: one file
 * {@code <sha256 of the archive>.images} per archive holding its class names, image shape and every
 * split's labels and unsigned-byte pixels, followed by a SHA-256 of all of it. Files are written to
 * a temporary name and renamed into place, so a reader never sees half a file; a file that does not
 * verify is deleted and the archive decoded again. Failing to write is not an error (it is only a
 * cache). Safe for concurrent use by several processes: the worst case is decoding twice.
 */
final class DecodedImageCache {

    private static final byte[] MAGIC =
            "DNWIMG01".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;

    private final Path folder;

    DecodedImageCache(Path folder) {
        this.folder = folder;
    }

    Path fileFor(String sha256) {
        return folder.resolve(sha256 + ".images");
    }

    /** The decoded archive with this SHA-256, or null when none is cached or it is damaged. */
    ImageFolderReader.Decoded load(String sha256) {
        Path file = fileFor(sha256);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            ImageFolderReader.Decoded decoded = read(file, sha256);
            if (decoded != null) {
                return decoded;
            }
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            // fall through: a damaged or unreadable entry is rebuilt
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a later write replaces it anyway
        }
        return null;
    }

    private static ImageFolderReader.Decoded read(Path file, String sha256) throws IOException {
        long length = Files.size(file);
        MessageDigest digest = Checksums.newSha256();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                DigestInputStream hashed = new DigestInputStream(raw, digest);
                DataInputStream in = new DataInputStream(hashed)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC) || !in.readUTF().equals(sha256)) {
                return null;
            }
            int classCount = in.readInt();
            if (classCount < 2 || classCount > 100_000) {
                return null;
            }
            List<String> classNames = new ArrayList<>();
            for (int i = 0; i < classCount; i++) {
                classNames.add(in.readUTF());
            }
            int channels = in.readInt();
            int height = in.readInt();
            int width = in.readInt();
            int groups = in.readInt();
            if ((channels != 1 && channels != 3)
                    || height <= 0
                    || width <= 0
                    || groups < 1
                    || groups > 2) {
                return null;
            }
            long imageBytes = (long) channels * height * width;
            ImageSamples[] samples = new ImageSamples[groups];
            for (int g = 0; g < groups; g++) {
                int count = in.readInt();
                // The header cannot announce more than the file holds: no allocation from a lie.
                if (count < 0 || (long) count * (imageBytes + 4) > length) {
                    return null;
                }
                int[] labels = new int[count];
                for (int i = 0; i < count; i++) {
                    labels[i] = in.readInt();
                    if (labels[i] < 0 || labels[i] >= classCount) {
                        return null;
                    }
                }
                byte[] pixels = new byte[(int) (count * imageBytes)];
                in.readFully(pixels);
                samples[g] = new ImageSamples(channels, height, width, pixels, labels, classNames);
            }
            byte[] expected = digest.digest();
            byte[] stored = in.readNBytes(DIGEST_BYTES);
            if (!Arrays.equals(expected, stored) || in.read() != -1) {
                return null;
            }
            return new ImageFolderReader.Decoded(samples[0], groups == 2 ? samples[1] : null);
        }
    }

    /** Keeps {@code decoded} under {@code sha256}; quietly does nothing when it cannot. */
    void store(String sha256, ImageFolderReader.Decoded decoded) {
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, sha256, ".tmp");
            MessageDigest digest = Checksums.newSha256();
            try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
                    DigestOutputStream hashed = new DigestOutputStream(raw, digest);
                    DataOutputStream out = new DataOutputStream(hashed)) {
                out.write(MAGIC);
                out.writeUTF(sha256);
                ImageSamples first = decoded.train();
                out.writeInt(first.classCount());
                for (String name : first.classNames()) {
                    out.writeUTF(name);
                }
                out.writeInt(first.channels());
                out.writeInt(first.height());
                out.writeInt(first.width());
                List<ImageSamples> groups = new ArrayList<>();
                groups.add(first);
                if (decoded.test() != null) {
                    groups.add(decoded.test());
                }
                out.writeInt(groups.size());
                for (ImageSamples g : groups) {
                    out.writeInt(g.size());
                    for (int label : g.labels()) {
                        out.writeInt(label);
                    }
                    out.write(g.pixels());
                }
                out.flush();
                hashed.on(false);
                out.write(digest.digest());
            }
            try {
                Files.move(tmp, fileFor(sha256), StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, fileFor(sha256), StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (IOException | RuntimeException e) {
            // only a cache: the next read decodes again
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // nothing more to do
                }
            }
        }
    }
}
