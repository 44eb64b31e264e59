package org.dnw.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

/** SHA-256 checksums of source files, as lowercase hex, for a run's provenance. Stateless. */
public final class Checksums {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Checksums() {}

    /**
     * SHA-256 of the whole file, 64 lowercase hex digits.
     *
     * @throws DataFormatException naming the file when it is missing or cannot be read
     */
    public static String sha256(Path file) throws DataFormatException {
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, "not found at " + file.toAbsolutePath());
        }
        MessageDigest digest = newSha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return hex(digest.digest());
    }

    /** SHA-256 of each file, keyed by file name, in the order given. */
    public static Map<String, String> sha256(Path... files) throws DataFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path file : files) {
            out.put(file.getFileName().toString(), sha256(file));
        }
        return out;
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Lowercase hex of {@code bytes}. */
    static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }
}
