package org.ringlet.transport.nativeproto.driver;

import com.datastax.oss.driver.api.core.DefaultProtocolVersion;

/** The Java driver against a server that accepts up to v4: the driver negotiates down from DSE_V2 to v4. */
class JavaDriverV4Test extends JavaDriverChecks {
    @Override
    DefaultProtocolVersion version() {
        return DefaultProtocolVersion.V4;
    }
}
