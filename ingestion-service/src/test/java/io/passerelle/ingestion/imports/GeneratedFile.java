package io.passerelle.ingestion.imports;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

/**
 * A file generated record by record while it is read, counting the bytes handed out: tests of
 * large imports never hold the whole file, and can check how much of it was read.
 */
public final class GeneratedFile extends InputStream {
    private final IntFunction<String> row;
    private final int rows;
    private byte[] current;
    private int position;
    private int next;
    private long read;

    public GeneratedFile(String header, int rows, IntFunction<String> row) {
        this.row = row;
        this.rows = rows;
        this.current = header.getBytes(StandardCharsets.UTF_8);
    }

    public long bytesRead() {
        return read;
    }

    @Override
    public int read() {
        while (position == current.length) {
            if (next == rows) {
                return -1;
            }
            current = row.apply(next++).getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        read++;
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        int n = 0;
        while (n < length) {
            int b = read();
            if (b < 0) {
                return n == 0 ? -1 : n;
            }
            buffer[offset + n++] = (byte) b;
        }
        return n;
    }
}
