/**
 * The CQL native protocol server: {@link org.ringlet.transport.nativeproto.server.NativeTransport} (a
 * {@link org.ringlet.api.query.Transport}) and its factory {@code native}, the pipeline initializer, the request
 * handler with its per-connection in-flight limit, connection limits and event delivery to registered connections.
 */
package org.ringlet.transport.nativeproto.server;
