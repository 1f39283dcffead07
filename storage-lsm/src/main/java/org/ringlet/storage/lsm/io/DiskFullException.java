package org.ringlet.storage.lsm.io;

import java.io.IOException;

/** A write failed because the volume has no space left (ENOSPC). */
public final class DiskFullException extends IOException {
    private static final long serialVersionUID = 1L;

    public DiskFullException(String message) {
        super(message);
    }

    public DiskFullException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether {@code e} (or a cause) reports a full disk. */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DiskFullException) {
                return true;
            }
            String m = t.getMessage();
            if (t instanceof IOException && m != null && m.contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }
}
