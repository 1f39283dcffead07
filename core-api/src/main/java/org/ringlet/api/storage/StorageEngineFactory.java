package org.ringlet.api.storage;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;

/** Creates a {@link StorageEngine}. */
public interface StorageEngineFactory extends ComponentFactory<StorageEngine> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.STORAGE_ENGINE;
    }
}
