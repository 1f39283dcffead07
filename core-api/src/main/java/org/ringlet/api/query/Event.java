package org.ringlet.api.query;

import java.net.InetSocketAddress;

import static java.util.Objects.requireNonNull;

/** An event pushed to connections that registered for its type. */
public sealed interface Event permits Event.SchemaChangeEvent, Event.StatusChange, Event.TopologyChange {

    /** The protocol's event type name. */
    String type();

    /** A schema change. */
    record SchemaChangeEvent(SchemaChange change) implements Event {
        public SchemaChangeEvent {
            requireNonNull(change, "change is null");
        }

        @Override
        public String type() {
            return "SCHEMA_CHANGE";
        }
    }

    /**
     * A node went up or down.
     *
     * @param status  UP or DOWN
     * @param address the node's native protocol address
     */
    record StatusChange(String status, InetSocketAddress address) implements Event {
        public StatusChange {
            requireNonNull(status, "status is null");
            requireNonNull(address, "address is null");
        }

        @Override
        public String type() {
            return "STATUS_CHANGE";
        }
    }

    /**
     * A node joined, left or moved.
     *
     * @param change  NEW_NODE, REMOVED_NODE or MOVED_NODE
     * @param address the node's native protocol address
     */
    record TopologyChange(String change, InetSocketAddress address) implements Event {
        public TopologyChange {
            requireNonNull(change, "change is null");
            requireNonNull(address, "address is null");
        }

        @Override
        public String type() {
            return "TOPOLOGY_CHANGE";
        }
    }
}
