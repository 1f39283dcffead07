package org.ringlet.transport.nativeproto.server;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ringlet.api.error.ProtocolException;

/**
 * The STARTUP options the server acts on. {@code CQL_VERSION} is mandatory and must be 3.0.0 or later (drivers send
 * {@code 3.0.0} or the version SUPPORTED advertised); {@code COMPRESSION} must name an algorithm this server
 * advertised ({@code lz4}, in any case); {@code THROW_ON_OVERLOAD=1} asks for Overloaded errors instead of
 * back-pressure. Driver names, versions, client ids and unknown options are accepted and ignored.
 *
 * @param throwOnOverload whether requests beyond the in-flight limits get 0x1001 Overloaded
 * @param lz4             whether the client asked for LZ4 compression
 */
record StartupOptions(boolean throwOnOverload, boolean lz4) {
    static final String CQL_VERSION = "CQL_VERSION";
    static final String COMPRESSION = "COMPRESSION";
    static final String THROW_ON_OVERLOAD = "THROW_ON_OVERLOAD";
    /** The compression algorithms this server implements, as SUPPORTED lists them. */
    static final String LZ4 = "lz4";

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\.(\\d+))?(-[\\w.-]+)?");

    /**
     * Validates the options of a STARTUP.
     *
     * @throws ProtocolException naming the offending option
     */
    static StartupOptions parse(Map<String, String> options) {
        String cqlVersion = options.get(CQL_VERSION);
        if (cqlVersion == null) {
            throw new ProtocolException("Missing value CQL_VERSION in STARTUP message");
        }
        Matcher m = VERSION.matcher(cqlVersion.trim());
        if (!m.matches()) {
            throw new ProtocolException("Invalid CQL_VERSION '" + cqlVersion + "' in STARTUP message: expected a "
                    + "version such as 3.0.0");
        }
        if (Integer.parseInt(m.group(1)) < 3) {
            throw new ProtocolException("CQL version " + cqlVersion + " is not supported by the binary protocol "
                    + "(supported version are >= 3.0.0)");
        }
        String compression = options.get(COMPRESSION);
        boolean lz4 = false;
        if (compression != null && !compression.isBlank()) {
            String algorithm = compression.trim().toLowerCase(Locale.ROOT);
            if (!algorithm.equals(LZ4)) {
                throw new ProtocolException("Unknown compression algorithm: " + algorithm + " (this node supports "
                        + "lz4, as SUPPORTED lists)");
            }
            lz4 = true;
        }
        return new StartupOptions("1".equals(options.get(THROW_ON_OVERLOAD)), lz4);
    }
}
