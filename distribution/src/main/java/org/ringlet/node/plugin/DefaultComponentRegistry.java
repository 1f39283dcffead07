package org.ringlet.node.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.error.ConfigurationException;
import org.ringlet.node.plugin.DiscoveredComponents.Registration;

import static java.util.Objects.requireNonNull;

/**
 * The node's {@link ComponentRegistry}. A factory answers, case-insensitively, to its name, its aliases and its
 * Cassandra class name; a fully qualified {@code org.apache.cassandra.} class name also answers to its simple
 * name, so {@code org.apache.cassandra.locator.SimpleStrategy} finds a factory aliased {@code SimpleStrategy}.
 * Two factories of one kind answering to the same name is an error at start, whatever their origins: a plugin
 * cannot silently shadow a built-in component.
 *
 * <p>Immutable and thread-safe.
 */
public final class DefaultComponentRegistry implements ComponentRegistry {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final String CASSANDRA_PACKAGE = "org.apache.cassandra.";

    private final List<RegisteredComponent> components;
    private final Map<Class<?>, Map<String, RegisteredComponent>> index;
    private final Map<Class<?>, List<RegisteredComponent>> byType;

    /**
     * @throws ConfigurationException when a name is invalid or two factories of a kind answer to the same name
     */
    public DefaultComponentRegistry(List<Registration> registrations) {
        requireNonNull(registrations, "registrations is null");
        Map<Class<?>, Map<String, RegisteredComponent>> idx = new LinkedHashMap<>();
        Map<Class<?>, List<RegisteredComponent>> types = new LinkedHashMap<>();
        for (Registration r : registrations) {
            RegisteredComponent c = r.component();
            ComponentFactory<?> f = c.factory();
            String name = f.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new ConfigurationException("Component factory " + f.getClass().getName() + " from " + c.origin()
                        + " has an invalid name '" + name + "': use lowercase letters, digits and '-'");
            }
            Map<String, RegisteredComponent> names = idx.computeIfAbsent(r.factoryType(), t -> new LinkedHashMap<>());
            for (String key : keysOf(f)) {
                RegisteredComponent existing = names.putIfAbsent(key, c);
                if (existing != null && existing != c) {
                    throw new ConfigurationException("Two " + f.kind().label() + " components answer to '" + key
                            + "': '" + existing.factory().name() + "' from " + existing.origin() + " and '" + name
                            + "' from " + c.origin() + "; remove one of them");
                }
            }
            types.computeIfAbsent(r.factoryType(), t -> new ArrayList<>()).add(c);
        }
        List<RegisteredComponent> all = new ArrayList<>();
        types.values().forEach(all::addAll);
        all.sort(Comparator.comparing((RegisteredComponent c) -> c.factory().kind())
                .thenComparing(c -> c.factory().name()));
        this.components = List.copyOf(all);
        Map<Class<?>, Map<String, RegisteredComponent>> frozen = new LinkedHashMap<>();
        idx.forEach((k, v) -> frozen.put(k, Map.copyOf(v)));
        this.index = Map.copyOf(frozen);
        Map<Class<?>, List<RegisteredComponent>> frozenTypes = new LinkedHashMap<>();
        types.forEach((k, v) -> frozenTypes.put(k, List.copyOf(v)));
        this.byType = Map.copyOf(frozenTypes);
    }

    private static Set<String> keysOf(ComponentFactory<?> f) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(normalize(f.name()));
        for (String alias : f.aliases()) {
            keys.add(normalize(alias));
        }
        f.cassandraClassName().ifPresent(cn -> keys.add(normalize(cn)));
        return keys;
    }

    private static String normalize(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    @Override
    public <F extends ComponentFactory<?>> F resolve(Class<F> factoryType, String name) {
        return factoryType.cast(resolveRegistered(factoryType, name).factory());
    }

    @Override
    public <F extends ComponentFactory<?>> Optional<F> find(Class<F> factoryType, String name) {
        return findRegistered(factoryType, name).map(c -> factoryType.cast(c.factory()));
    }

    /**
     * The registered component of the given type answering to {@code name}, with its origin.
     *
     * @throws ConfigurationException listing the known names when none answers
     */
    public RegisteredComponent resolveRegistered(Class<?> factoryType, String name) {
        return findRegistered(factoryType, name).orElseThrow(() -> unknown(factoryType, name));
    }

    /** Like {@link #resolveRegistered} but empty instead of failing. */
    public Optional<RegisteredComponent> findRegistered(Class<?> factoryType, String name) {
        requireNonNull(factoryType, "factoryType is null");
        requireNonNull(name, "name is null");
        Map<String, RegisteredComponent> names = index.getOrDefault(factoryType, Map.of());
        String key = normalize(name);
        RegisteredComponent c = names.get(key);
        if (c == null && key.startsWith(CASSANDRA_PACKAGE)) {
            c = names.get(key.substring(key.lastIndexOf('.') + 1));
        }
        return Optional.ofNullable(c);
    }

    /** The components registered under a factory interface, in discovery order. */
    public List<RegisteredComponent> registered(Class<?> factoryType) {
        return byType.getOrDefault(requireNonNull(factoryType, "factoryType is null"), List.of());
    }

    @Override
    public List<RegisteredComponent> components() {
        return components;
    }

    private ConfigurationException unknown(Class<?> factoryType, String name) {
        List<RegisteredComponent> known = registered(factoryType);
        String kind = kindLabel(factoryType);
        if (known.isEmpty()) {
            return new ConfigurationException("Unknown " + kind + " '" + name + "': no " + kind
                    + " components are installed");
        }
        List<String> names = new ArrayList<>();
        for (RegisteredComponent c : known) {
            List<String> shortAliases = new ArrayList<>();
            for (String alias : c.factory().aliases()) {
                if (!alias.contains(".")) {
                    shortAliases.add(alias);
                }
            }
            shortAliases.sort(null);
            names.add(c.factory().name() + (shortAliases.isEmpty() ? "" : " (" + String.join(", ", shortAliases)
                    + ")"));
        }
        names.sort(null);
        return new ConfigurationException("Unknown " + kind + " '" + name + "'; known: " + String.join(", ", names));
    }

    /** The user-facing word for a factory interface's kind, e.g. {@code snitch} for location providers. */
    public static String kindLabel(Class<?> factoryType) {
        for (ComponentKind kind : ComponentKind.values()) {
            if (kind.factoryInterface().equals(factoryType.getName())) {
                return kind.label();
            }
        }
        return factoryType.getSimpleName();
    }

    @Override
    public String toString() {
        return "DefaultComponentRegistry{" + components.size() + " components}";
    }
}
