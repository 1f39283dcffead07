package org.ringlet.api.locator;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;

/**
 * Creates a {@link LocationProvider}: the location half of a Cassandra snitch. Its aliases include the snitch's
 * Cassandra class names ({@code GossipingPropertyFileSnitch}), so {@code endpoint_snitch} resolves here.
 * Configuration options it reads include {@code conf_dir} (where its properties files are).
 */
public interface LocationProviderFactory extends ComponentFactory<LocationProvider> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.LOCATION_PROVIDER;
    }
}
