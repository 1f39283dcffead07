package org.ringlet.api.ring;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;

/** Creates a {@link Partitioner}; registered in {@code META-INF/services/org.ringlet.api.ring.PartitionerFactory}. */
public interface PartitionerFactory extends ComponentFactory<Partitioner> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.PARTITIONER;
    }
}
