package org.ringlet.api.messaging;

import org.ringlet.api.ComponentFactory;
import org.ringlet.api.ComponentKind;

/** Creates a {@link MessagingService}. */
public interface MessagingServiceFactory extends ComponentFactory<MessagingService> {
    @Override
    default ComponentKind kind() {
        return ComponentKind.MESSAGING;
    }
}
