package org.ringlet.cql.types;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

import org.ringlet.api.types.MarshalException;

/**
 * Parses IPv4 and IPv6 address literals as Java's {@code InetAddress.getByName} reads them (the forms Cassandra
 * accepts: IPv4 in one to four dotted decimal parts such as {@code 127.1}, IPv6 with or without brackets and
 * embedded IPv4) but never resolves a host name: a literal that is not an address is an error, never a DNS lookup.
 */
final class InetLiterals {
    private InetLiterals() {
    }

    static ByteBuffer parse(String text) {
        String host = text;
        boolean bracketed = host.length() > 2 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']';
        if (bracketed) {
            host = host.substring(1, host.length() - 1);
        }
        byte[] v4 = bracketed ? null : ipv4(host);
        if (v4 != null) {
            return ByteBuffer.wrap(v4);
        }
        boolean literalStart = !host.isEmpty() && (Character.digit(host.charAt(0), 16) >= 0 || host.charAt(0) == ':');
        if (!literalStart || host.indexOf(':') < 0) {
            throw error(text);
        }
        try {
            // an IPv6 literal (or nothing): InetAddress never looks up a name that starts like this and has a ':'
            return ByteBuffer.wrap(InetAddress.getByName(host).getAddress());
        } catch (UnknownHostException | SecurityException e) {
            throw error(text);
        }
    }

    /** IPv4 in one to four dotted decimal parts (the last part fills the remaining bytes), or null. */
    private static byte[] ipv4(String s) {
        if (s.isEmpty() || s.length() > 15) {
            return null;
        }
        byte[] out = new byte[4];
        long value = 0;
        int part = 0;
        boolean newPart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (newPart || value > 0xff || part == 3) {
                    return null;
                }
                out[part++] = (byte) value;
                value = 0;
                newPart = true;
            } else if (c >= '0' && c <= '9') {
                value = value * 10 + (c - '0');
                newPart = false;
            } else {
                return null;
            }
        }
        if (newPart || value >= (1L << ((4 - part) * 8))) {
            return null;
        }
        for (int i = 3; i >= part; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    private static MarshalException error(String text) {
        return new MarshalException("Unable to make inet address from '" + text + "'");
    }
}
