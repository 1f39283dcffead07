package org.ringlet.api.testing.locator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentRegistry;
import org.ringlet.api.RegisteredComponent;
import org.ringlet.api.error.ConfigurationException;

/** A {@link ComponentRegistry} over a fixed list of factories, for tests. Immutable. */
public final class StaticComponentRegistry implements ComponentRegistry {
    private final List<ComponentFactory<?>> factories;

    public StaticComponentRegistry(List<? extends ComponentFactory<?>> factories) {
        this.factories = List.copyOf(factories);
    }

    @Override
    public <F extends ComponentFactory<?>> F resolve(Class<F> factoryType, String name) {
        return find(factoryType, name).orElseThrow(() -> new ConfigurationException("Unknown "
                + factoryType.getSimpleName() + " '" + name + "'; known: " + factories.stream()
                .filter(factoryType::isInstance).map(ComponentFactory::name).collect(Collectors.joining(", "))));
    }

    @Override
    public <F extends ComponentFactory<?>> Optional<F> find(Class<F> factoryType, String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (ComponentFactory<?> f : factories) {
            if (!factoryType.isInstance(f)) {
                continue;
            }
            boolean match = f.name().equalsIgnoreCase(n)
                    || f.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(n));
            if (match) {
                return Optional.of(factoryType.cast(f));
            }
        }
        return Optional.empty();
    }

    @Override
    public List<RegisteredComponent> components() {
        List<RegisteredComponent> out = new ArrayList<>();
        factories.forEach(f -> out.add(new RegisteredComponent(f, RegisteredComponent.BUILT_IN)));
        return out;
    }
}
