package org.ringlet.node.inject;

import java.util.Map;

import jakarta.inject.Inject;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.query.QueryHandler;
import org.ringlet.api.query.QueryHandlerFactory;
import org.ringlet.node.config.ComponentsConfig;

/**
 * Step 6b (ADR 0041): the query handler {@code query_handler} names, created once the coordinator runs (creating
 * it writes {@code system.local}).
 */
public final class QueryHandlerStage extends DeferredComponent<QueryHandler, QueryHandlerFactory> {

    @Inject
    QueryHandlerStage(Map<String, QueryHandlerFactory> factories, ComponentsConfig components,
                      ComponentAssembler assembler, NodeServices services, CoordinatorStage after) {
        super(ComponentKind.QUERY_HANDLER, QueryHandler.class, QueryHandlerFactory.class, factories,
                components.queryHandler(), "query_handler", assembler, services);
    }

    /** The running query handler. */
    public java.util.Optional<QueryHandler> handler() {
        return component();
    }
}
