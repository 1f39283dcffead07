package org.ringlet.transport.nativeproto.driver;

import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import com.datastax.oss.driver.api.core.cql.ExecutionInfo;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every check of {@link JavaDriverChecks} on protocol v4 with {@code advanced.protocol.compression = lz4}: the
 * driver compresses each request body but OPTIONS and STARTUP, and the server compresses every response after
 * READY.
 */
class JavaDriverLz4V4Test extends JavaDriverChecks {
    @Override
    DefaultProtocolVersion version() {
        return DefaultProtocolVersion.V4;
    }

    @Override
    String compression() {
        return "lz4";
    }

    @Test
    void responsesArriveCompressed() {
        assertEquals("lz4", ((InternalDriverContext) session.getContext()).getCompressor().algorithm());
        ExecutionInfo info = session.execute(SimpleStatement.newInstance("SELECT * FROM ks.items")
                .setPageSize(1_000)).getExecutionInfo();
        int compressed = info.getCompressedResponseSizeInBytes();
        int plain = info.getResponseSizeInBytes();
        assertTrue(compressed > 0, "the driver decompressed the response (" + compressed + ")");
        assertTrue(compressed < plain * 3 / 4, "1000 similar rows compress: " + compressed + " of " + plain);
    }
}
