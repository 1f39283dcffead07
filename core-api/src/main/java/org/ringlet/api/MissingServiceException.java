package org.ringlet.api;

import org.ringlet.api.error.ConfigurationException;

/**
 * Thrown when a component asks its {@link NodeContext} for a service the node does not provide.
 */
public final class MissingServiceException extends ConfigurationException {
    private final Class<?> serviceType;

    public MissingServiceException(Class<?> serviceType) {
        super("This node provides no " + serviceType.getName() + " service");
        this.serviceType = serviceType;
    }

    /** The type that was asked for. */
    public Class<?> serviceType() {
        return serviceType;
    }
}
