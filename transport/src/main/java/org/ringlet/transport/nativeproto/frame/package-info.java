/**
 * Framing of the CQL native protocol: the 9-byte envelope header (a "frame" before v5), the {@link
 * org.ringlet.transport.nativeproto.frame.Envelope} (header and body) handed to the message codecs, the version
 * gate and the maximum frame size, and protocol v5's checksummed segments, which carry envelopes once a v5
 * connection's STARTUP is answered.
 */
package org.ringlet.transport.nativeproto.frame;
