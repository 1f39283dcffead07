package org.ringlet.api.ring;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;

/**
 * Creates the node's {@link TopologyService}. The node creates it once the schema is loaded (so that the
 * {@link org.ringlet.api.cluster.LocalNodeStore} it reads this node's identity from exists), and starts it when
 * it is also a {@link org.ringlet.api.Service}, before the coordinator is created.
 */
public interface TopologyServiceFactory extends ComponentFactory<TopologyService> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.TOPOLOGY;
    }
}
