package io.passerelle.ingestion.repository;

import java.io.InputStream;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * A staged file read back as a stream, one chunk fetched at a time when the previous one is used up:
 * a job holds one chunk of its file, whatever the file's size. Counts the bytes handed out (the job's
 * progress).
 */
public final class StagedBody extends InputStream {
    private final UUID importId;
    private final int chunkCount;
    private final BiFunction<UUID, Integer, byte[]> chunks;
    private byte[] current = new byte[0];
    private int position;
    private int nextSeq;
    private long bytesRead;

    /** @param chunks fetches chunk {@code seq} of a job, such as {@link ImportJobStore#chunk} */
    public StagedBody(UUID importId, int chunkCount, BiFunction<UUID, Integer, byte[]> chunks) {
        this.importId = importId;
        this.chunkCount = chunkCount;
        this.chunks = chunks;
    }

    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public int read() {
        if (!available(1)) {
            return -1;
        }
        bytesRead++;
        return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!available(1)) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        bytesRead += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - position;
    }

    private boolean available(int wanted) {
        while (current.length - position < wanted) {
            if (nextSeq == chunkCount) {
                return false;
            }
            current = chunks.apply(importId, nextSeq++);
            position = 0;
        }
        return true;
    }
}
