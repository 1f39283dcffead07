package org.ringlet.transport.nativeproto.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The native protocol versions this server speaks. A connection's version is fixed by its first frame; every
 * other version number is refused with {@link #invalidVersionMessage(int)} so that drivers fall back to one of
 * these.
 */
public enum ProtocolVersion {
    V3(3, "v3"),
    V4(4, "v4");

    private final int number;
    private final String description;

    ProtocolVersion(int number, String description) {
        this.number = number;
        this.description = description;
    }

    /** The version number as it appears in the low 7 bits of a frame's version byte. */
    public int number() {
        return number;
    }

    /** Whether this version is at least {@code other}. */
    public boolean isAtLeast(ProtocolVersion other) {
        return number >= other.number;
    }

    /** The highest version spoken: the one a refusal of an unknown version is written in. */
    public static ProtocolVersion highest() {
        ProtocolVersion[] all = values();
        return all[all.length - 1];
    }

    /** The version with that number, if it is one of ours. */
    public static Optional<ProtocolVersion> of(int number) {
        for (ProtocolVersion v : values()) {
            if (v.number == number) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The entries of SUPPORTED's {@code PROTOCOL_VERSIONS}, e.g. {@code ["3/v3", "4/v4"]}. */
    public static List<String> descriptions() {
        List<String> out = new ArrayList<>();
        for (ProtocolVersion v : values()) {
            out.add(v.toString());
        }
        return List.copyOf(out);
    }

    /**
     * The message drivers look for to downgrade: {@code Invalid or unsupported protocol version (N); supported
     * versions are (3/v3, 4/v4)}. Python and Java match on its wording; keep it exact.
     */
    public static String invalidVersionMessage(int requested) {
        return "Invalid or unsupported protocol version (" + requested + "); supported versions are ("
                + String.join(", ", descriptions()) + ")";
    }

    /** {@code "4/v4"}: the form SUPPORTED and error messages use. */
    @Override
    public String toString() {
        return number + "/" + description;
    }
}
