package org.ringlet.cql.types;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;

import org.ringlet.api.types.MarshalException;

/**
 * Parses IPv4 and IPv6 address literals without ever resolving a host name (a literal that is not an address is
 * an error, never a DNS lookup).
 */
final class InetLiterals {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+(%[\\w.]+)?");

    private InetLiterals() {
    }

    static ByteBuffer parse(String text) {
        String t = text.trim();
        boolean v4 = IPV4.matcher(t).matches();
        boolean v6 = t.indexOf(':') >= 0 && IPV6.matcher(t).matches();
        if (v4) {
            for (String part : t.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw error(text);
                }
            }
        }
        if (!v4 && !v6) {
            throw error(text);
        }
        try {
            // only numeric forms reach here, which InetAddress parses without a lookup
            return ByteBuffer.wrap(InetAddress.getByName(t).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            throw error(text);
        }
    }

    private static MarshalException error(String text) {
        return new MarshalException("Unable to make inet address from '" + text + "'");
    }
}
