package org.ringlet.api.cluster;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;

/** Creates the {@link Coordinator}. */
public interface CoordinatorFactory extends ComponentFactory<Coordinator> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.COORDINATOR;
    }
}
