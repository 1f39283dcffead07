/**
 * The token ring: partitioners (which hash a serialized partition key to a {@link org.ringlet.api.ring.Token}),
 * token ranges, and the {@link org.ringlet.api.ring.Topology}, an immutable, versioned view of which node owns
 * which tokens.
 */
package org.ringlet.api.ring;
