/**
 * Ringlet's core API: the service-provider interfaces (SPIs) every pluggable part of a node implements,
 * the cross-module service interfaces that implementation modules use without depending on each other,
 * and the value types they exchange.
 *
 * <p>Every SPI has the same shape: an {@code XxxFactory} extending {@link org.ringlet.api.ComponentFactory}
 * with a lowercase {@code name()}, {@code aliases()} (which include Cassandra class names), the node services
 * it {@linkplain org.ringlet.api.ComponentFactory#requiredServices() requires}, and
 * {@code create(ComponentConfig, NodeContext)}. Factories are found with {@link java.util.ServiceLoader} and
 * resolved by name through the {@link org.ringlet.api.ComponentRegistry}.
 *
 * <p>This module depends on the JDK only. Unless a method says otherwise, parameters and return values are
 * never {@code null}; optional values are {@link java.util.Optional}.
 */
package org.ringlet.api;
