/** Deterministic doubles of node services for the cluster module's tests. */
package org.ringlet.cluster.testing;
