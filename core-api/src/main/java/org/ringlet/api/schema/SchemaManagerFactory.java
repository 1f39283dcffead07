package org.ringlet.api.schema;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;

/** Creates the {@link SchemaManager}: the schema layer that goes with a query handler. */
public interface SchemaManagerFactory extends ComponentFactory<SchemaManager> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.SCHEMA_MANAGER;
    }
}
