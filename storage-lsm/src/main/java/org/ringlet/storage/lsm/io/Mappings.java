package org.ringlet.storage.lsm.io;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases file mappings at once instead of when the garbage collector finds their buffers unreachable: a
 * deleted file's blocks stay allocated, and its pages count in the process's memory, as long as a mapping
 * exists. Uses the JDK's buffer cleaner ({@code sun.misc.Unsafe.invokeCleaner}); where it is not accessible, a
 * mapping is left to the garbage collector.
 */
public final class Mappings {
    private static final Logger LOG = LoggerFactory.getLogger(Mappings.class);

    private Mappings() {
    }

    /**
     * Unmaps {@code buffer}. Any later access to it (or to a view of it) crashes the JVM, so call this only once
     * no thread can touch the buffer any more. Looks the cleaner up on each call (no static state): a log calls
     * this once per segment.
     */
    public static void unmap(MappedByteBuffer buffer) {
        if (buffer == null) {
            return;
        }
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field f = unsafeClass.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Method invokeCleaner = unsafeClass.getMethod("invokeCleaner", ByteBuffer.class);
            invokeCleaner.invoke(f.get(null), buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("Could not unmap a file mapping; the garbage collector releases it", e);
        }
    }
}
