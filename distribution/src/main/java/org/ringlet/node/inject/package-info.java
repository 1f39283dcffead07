/**
 * The Guice wiring of a node, one module per feature area: {@link org.ringlet.node.inject.ConfigModule},
 * {@link org.ringlet.node.inject.RegistryModule}, {@link org.ringlet.node.inject.SystemRuntimeModule} (or
 * {@link org.ringlet.node.inject.ProvidedRuntimeModule}), {@link org.ringlet.node.inject.LifecycleModule},
 * {@link org.ringlet.node.inject.RingModule}, {@link org.ringlet.node.inject.LocationModule},
 * {@link org.ringlet.node.inject.ReplicationModule} and {@link org.ringlet.node.inject.AssemblyModule}. Each
 * feature module binds the discovered factories of its kind in a {@code MapBinder} keyed by name and provides the
 * component the configuration names. Modules do no I/O; discovery and configuration loading happen before the
 * injector is created. Later areas (storage, transport, query handler, coordinator) add a module each.
 *
 * <p>This package, with the rest of {@code org.ringlet.node}, is the only place Guice is used.
 */
package org.ringlet.node.inject;
