/**
 * The real node services behind {@link org.ringlet.api.runtime.Clock}, {@link org.ringlet.api.runtime.Scheduler}
 * and {@link org.ringlet.api.runtime.RandomSource}: the system clock, a thread-pool scheduler with named daemon
 * threads that is shut down when the node stops, and {@link java.security.SecureRandom}. Tests and simulations
 * use core-api's deterministic doubles instead.
 */
package org.ringlet.node.runtime;
