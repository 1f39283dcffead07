package org.ringlet.transport.nativeproto.message;

import java.util.HexFormat;

/** Hex rendering of ids for messages and logs. */
final class HexFormatting {
    private HexFormatting() {
    }

    static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
