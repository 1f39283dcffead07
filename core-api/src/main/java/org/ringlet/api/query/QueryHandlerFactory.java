package org.ringlet.api.query;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;

/** Creates a {@link QueryHandler}. */
public interface QueryHandlerFactory extends ComponentFactory<QueryHandler> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.QUERY_HANDLER;
    }
}
