package org.ringlet.storage.lsm.sstable;

/**
 * Thrown out of a read in the chunk cache's {@linkplain ChunkCache#inMemory memory-only mode} when it needs a chunk
 * that is not cached: the read has to be repeated where it may block on the file. Carries no stack trace (it is
 * control flow, thrown on every such read).
 */
public final class NotInMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotInMemoryException() {
        super("the read needs a chunk that is not cached", null, false, false);
    }
}
