/**
 * What the native protocol server calls: protocol-neutral requests and results (no Netty types), the
 * per-connection {@link org.ringlet.api.query.ClientState}, and the events pushed to registered connections.
 * Values are serialized CQL values (the same bytes in protocol v4 and v5).
 */
package org.ringlet.api.query;
