package org.ringlet.transport.nativeproto.frame;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The native protocol versions this server speaks. A connection's version is fixed by its first frame; every
 * other version number is refused with {@link #invalidVersionMessage(int, java.util.Collection)} so that drivers
 * fall back to one of these. From v5 on, messages travel in checksummed segments once STARTUP is answered.
 */
public enum ProtocolVersion {
    V3(3, "v3"),
    V4(4, "v4"),
    V5(5, "v5");

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

    /** Whether messages of this version travel in v5 segments after STARTUP is answered. */
    public boolean usesSegments() {
        return isAtLeast(V5);
    }

    /** The entries of SUPPORTED's {@code PROTOCOL_VERSIONS}, e.g. {@code ["3/v3", "4/v4", "5/v5"]}. */
    public static List<String> descriptions(Collection<ProtocolVersion> versions) {
        List<String> out = new ArrayList<>();
        for (ProtocolVersion v : new TreeSet<>(versions)) {
            out.add(v.toString());
        }
        return List.copyOf(out);
    }

    /**
     * The message drivers look for to downgrade: {@code Invalid or unsupported protocol version (N); supported
     * versions are (3/v3, 4/v4, 5/v5)}. Python and Java match on its wording; keep it exact.
     *
     * @param supported the versions this server accepts
     */
    public static String invalidVersionMessage(int requested, Collection<ProtocolVersion> supported) {
        return "Invalid or unsupported protocol version (" + requested + "); supported versions are ("
                + String.join(", ", descriptions(supported)) + ")";
    }

    /** {@code "4/v4"}: the form SUPPORTED and error messages use (never "beta": drivers would skip it). */
    @Override
    public String toString() {
        return number + "/" + description;
    }
}
