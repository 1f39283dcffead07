package org.ringlet.api.locator;

import static java.util.Objects.requireNonNull;

/**
 * A node's datacenter and rack.
 *
 * @param datacenter the datacenter name, e.g. {@code datacenter1}
 * @param rack       the rack name, e.g. {@code rack1}
 */
public record Location(String datacenter, String rack) {
    /** Where a node is when nothing says otherwise (Cassandra's SimpleSnitch). */
    public static final Location DEFAULT = new Location("datacenter1", "rack1");

    public Location {
        requireNonNull(datacenter, "datacenter is null");
        requireNonNull(rack, "rack is null");
        if (datacenter.isBlank() || rack.isBlank()) {
            throw new IllegalArgumentException("datacenter and rack must not be blank");
        }
    }
}
