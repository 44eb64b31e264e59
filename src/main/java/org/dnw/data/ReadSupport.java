package org.dnw.data;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipException;

/** What the readers share: friendly words for I/O failures, guarded allocation, hidden names. */
final class ReadSupport {

    /** Arrays larger than this cannot exist in Java. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8L;

    private ReadSupport() {}

    /** A sentence for a person about why {@code file} could not be read. */
    static DataFormatException unreadable(Path file, IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        String problem;
        if (e instanceof EOFException || lower.contains("unexpected end")) {
            problem = "ends too early: the file is truncated (an interrupted download or copy?)";
        } else if (e instanceof ZipException
                || lower.contains("corrupt")
                || lower.contains("invalid")
                || lower.contains("crc")) {
            problem = "is damaged and cannot be unpacked (" + message + ")";
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            problem = "cannot be opened: permission denied";
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            problem = "not found";
        } else {
            problem =
                    "cannot be read ("
                            + (message.isEmpty() ? e.getClass().getSimpleName() : message)
                            + ")";
        }
        return new DataFormatException(file, problem, e);
    }

    /**
     * A new array of {@code length} bytes, or a sentence saying it does not fit: guards against
     * headers that announce absurd sizes and against a heap too small for a large set.
     */
    static byte[] bytes(long length, Path file, String what) throws DataFormatException {
        if (length < 0 || length > MAX_ARRAY) {
            throw new DataFormatException(
                    file, what + " would need " + length + " bytes, more than one array can hold");
        }
        try {
            return new byte[(int) length];
        } catch (OutOfMemoryError e) {
            throw new DataFormatException(
                    file,
                    what
                            + " needs "
                            + (length >> 20)
                            + " MB and that does not fit in memory; start the workbench with a"
                            + " larger -Xmx",
                    e);
        }
    }

    /**
     * True for names that operating systems and archivers leave behind and that no one means as
     * data: dot files (.DS_Store, ._x), __MACOSX, Thumbs.db, desktop.ini.
     */
    static boolean isHidden(String name) {
        return name.startsWith(".")
                || name.equals("__MACOSX")
                || name.equalsIgnoreCase("Thumbs.db")
                || name.equalsIgnoreCase("desktop.ini");
    }

    /** An input stream that counts the bytes read through it, for progress. */
    static final class CountingInputStream extends FilterInputStream {

        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = super.skip(n);
            count += s;
            return s;
        }
    }
}
