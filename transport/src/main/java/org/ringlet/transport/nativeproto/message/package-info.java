/**
 * The messages of the CQL native protocol as sealed records ({@link
 * org.ringlet.transport.nativeproto.message.RequestMessage}, {@link
 * org.ringlet.transport.nativeproto.message.ResponseMessage}), the {@link
 * org.ringlet.transport.nativeproto.message.Opcode} table mapping each opcode to its direction and codec, the
 * codecs themselves and the two Netty handlers that apply them to envelopes.
 */
package org.ringlet.transport.nativeproto.message;
