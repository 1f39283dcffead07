/**
 * Ringlet's exception family. Every error a client can see carries an {@link org.ringlet.api.error.ErrorCode}
 * whose numeric value is the CQL native protocol's, so the transport never has to guess a code.
 */
package org.ringlet.api.error;
