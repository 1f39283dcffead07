/**
 * The CQL native protocol (the binary protocol that Cassandra drivers speak): framing, messages and codecs, and
 * the Netty server.
 */
package org.ringlet.transport.nativeproto;
