package org.ringlet.api.locator;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;

/** Creates a {@link NodeProximity}. */
public interface NodeProximityFactory extends ComponentFactory<NodeProximity> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.NODE_PROXIMITY;
    }
}
