package org.ringlet.transport.nativeproto.driver;

import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every check of {@link JavaDriverChecks} on protocol v5 with {@code advanced.protocol.compression = lz4}: after
 * READY both sides frame in LZ4-format segments (an 8-byte header that the uncompressed format does not share, so
 * nothing would decode if either side got it wrong), compressed when that makes them smaller.
 */
class JavaDriverLz4V5Test extends JavaDriverChecks {
    @Override
    DefaultProtocolVersion version() {
        return DefaultProtocolVersion.V5;
    }

    @Override
    String compression() {
        return "lz4";
    }

    @Test
    void theDriverUsesLz4() {
        assertEquals("lz4", ((InternalDriverContext) session.getContext()).getCompressor().algorithm());
    }
}
