package org.carebridge.directory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * The ids a directory holds at one moment: reachable users, addressable groups and
 * organizations, and which users are favorites. Stored as sorted, delta-encoded variable-length
 * numbers, deflated: 10,000 users take a few kilobytes.
 */
record SnapshotContents(Set<Long> users, Set<Long> groups, Set<Long> organizations, Set<Long> favorites) {

    SnapshotContents {
        users = Set.copyOf(users);
        groups = Set.copyOf(groups);
        organizations = Set.copyOf(organizations);
        favorites = Set.copyOf(favorites);
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            for (Set<Long> ids : new Set[] {users, groups, organizations, favorites}) {
                writeNumber(out, ids.size());
                long previous = 0;
                for (long id : new TreeSet<>(ids)) {
                    writeNumber(out, id - previous);
                    previous = id;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static SnapshotContents decode(byte[] data) {
        try (InputStream in = new InflaterInputStream(new java.io.ByteArrayInputStream(data))) {
            return new SnapshotContents(readIds(in), readIds(in), readIds(in), readIds(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fingerprint(byte[] encoded) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Set<Long> readIds(InputStream in) throws IOException {
        long count = readNumber(in);
        Set<Long> ids = new TreeSet<>();
        long previous = 0;
        for (long i = 0; i < count; i++) {
            previous += readNumber(in);
            ids.add(previous);
        }
        return ids;
    }

    private static void writeNumber(DeflaterOutputStream out, long value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("Ids are positive");
        }
        while (value >= 0x80) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readNumber(InputStream in) throws IOException {
        long value = 0;
        int shift = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("Truncated directory snapshot");
            }
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
            shift += 7;
        }
    }
}
