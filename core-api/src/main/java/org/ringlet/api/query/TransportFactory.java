package org.ringlet.api.query;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;

/** Creates a {@link Transport}. */
public interface TransportFactory extends ComponentFactory<Transport> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.TRANSPORT;
    }
}
