/**
 * The node's time, scheduling and randomness. Components use only these injected services, never
 * {@code System.currentTimeMillis()}, {@code Thread.sleep}, their own threads or {@code new Random()}, so that
 * a whole cluster can run under a simulated clock, reproducibly from a seed.
 */
package org.ringlet.api.runtime;
