package org.ringlet.node.inject;

import java.util.Map;

import jakarta.inject.Inject;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.cluster.Coordinator;
import org.ringlet.api.cluster.CoordinatorFactory;
import org.ringlet.node.config.ComponentsConfig;

/** Step 6a (ADR 0041): the coordinator, created once the topology service runs. */
public final class CoordinatorStage extends DeferredComponent<Coordinator, CoordinatorFactory> {

    @Inject
    CoordinatorStage(Map<String, CoordinatorFactory> factories, ComponentsConfig components,
                     ComponentAssembler assembler, NodeServices services, TopologyStage after) {
        super(ComponentKind.COORDINATOR, Coordinator.class, CoordinatorFactory.class, factories,
                components.coordinator(), "coordinator", assembler, services);
    }
}
