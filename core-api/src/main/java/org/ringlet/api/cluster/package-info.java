/**
 * The coordinator contract: what the query layer calls to read and write at a consistency level, implemented
 * by the cluster module (a one-node ring is the same code path as a cluster).
 */
package org.ringlet.api.cluster;
