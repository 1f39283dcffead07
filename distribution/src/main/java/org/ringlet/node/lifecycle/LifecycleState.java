package org.ringlet.node.lifecycle;

/** Where a {@link LifecycleManager} is in its life. */
public enum LifecycleState {
    /** Services may still be added; nothing has started. */
    LATENT,
    /** Services are being started. */
    STARTING,
    /** Every service started. */
    STARTED,
    /** Services are being stopped. */
    STOPPING,
    /** Every started service was stopped (or the start failed and was rolled back). */
    STOPPED
}
