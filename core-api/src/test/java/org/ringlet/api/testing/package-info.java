/**
 * Deterministic test doubles for the node services in {@code org.ringlet.api.runtime} and
 * {@code org.ringlet.api.messaging}: a {@link org.ringlet.api.testing.ManualClock}, a
 * {@link org.ringlet.api.testing.DeterministicScheduler} that runs tasks only when the test advances time, a
 * {@link org.ringlet.api.testing.SeededRandomSource}, an {@link org.ringlet.api.testing.InMemoryNetwork} of
 * {@link org.ringlet.api.testing.InMemoryMessagingService}s with drop and delay controls, and a
 * {@link org.ringlet.api.testing.TestNodeContext} that hands them out.
 *
 * <p>These ship in core-api's test-jar so that every module's tests, and later the simulator, can use them
 * without depending on the node distribution. Nothing here reads the wall clock, sleeps or starts a thread.
 */
package org.ringlet.api.testing;
