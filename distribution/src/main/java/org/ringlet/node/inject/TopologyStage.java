package org.ringlet.node.inject;

import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.ring.TopologyService;
import org.ringlet.api.ring.TopologyServiceFactory;
import org.ringlet.node.config.ComponentsConfig;

/** Step 5 (ADR 0041): the topology service, created and started once the schema is loaded. */
public final class TopologyStage extends DeferredComponent<TopologyService, TopologyServiceFactory> {

    @Inject
    TopologyStage(Map<String, TopologyServiceFactory> factories, ComponentsConfig components,
                  ComponentAssembler assembler, NodeServices services, SchemaLoading after) {
        super(ComponentKind.TOPOLOGY, TopologyService.class, TopologyServiceFactory.class, factories,
                components.topologyService(), "topology_service", assembler, services);
    }

    /** The running topology service. */
    public Optional<TopologyService> topology() {
        return component();
    }
}
