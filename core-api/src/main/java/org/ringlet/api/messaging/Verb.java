package org.ringlet.api.messaging;

import static java.util.Objects.requireNonNull;

/**
 * A kind of internode message. Ids are part of the wire format and never reused.
 *
 * @param id   the wire id
 * @param name a name for logs
 */
public record Verb(int id, String name) {
    public Verb {
        requireNonNull(name, "name is null");
        if (id < 0 || id > 0xffff) {
            throw new IllegalArgumentException("verb id out of range: " + id);
        }
    }
}
