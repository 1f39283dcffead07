package org.ringlet.node.inject;

import java.util.ArrayList;
import java.util.List;

import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.RegisteredComponent;

import static java.util.Objects.requireNonNull;

/** What a node assembled, in creation order, for its start-up log and for tests. Thread-safe. */
public final class AssemblyLog {

    /**
     * One assembled component.
     *
     * @param kind      its kind
     * @param name      the factory's canonical name
     * @param origin    built-in or the plugin directory
     * @param config    the configuration it was created with
     * @param component the component
     */
    public record Entry(ComponentKind kind, String name, String origin, ComponentConfig config, Object component) {
        public Entry {
            requireNonNull(kind, "kind is null");
            requireNonNull(name, "name is null");
            requireNonNull(origin, "origin is null");
            requireNonNull(config, "config is null");
            requireNonNull(component, "component is null");
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void record(ComponentKind kind, RegisteredComponent from, ComponentConfig config, Object component) {
        entries.add(new Entry(kind, from.factory().name(), from.origin(), config, component));
    }

    /** Every assembled component so far. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}
