package org.ringlet.storage.lsm.sstable;

import java.nio.file.Path;

/** An SSTable component failed its checksum or could not be parsed: its data must not be served. */
public final class CorruptSSTableException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path path;

    public CorruptSSTableException(Path path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    public CorruptSSTableException(Path path, String message, Throwable cause) {
        super(path + ": " + message, cause);
        this.path = path;
    }

    /** The file found corrupt. */
    public Path path() {
        return path;
    }
}
