/**
 * Framing of the CQL native protocol: the 9-byte v3/v4 frame header, the {@link
 * org.ringlet.transport.nativeproto.frame.Envelope} (header and body) handed to the message codecs, the version
 * gate and the maximum frame size. Protocol v5's checksummed segments will wrap envelopes here without changing
 * the message layer.
 */
package org.ringlet.transport.nativeproto.frame;
