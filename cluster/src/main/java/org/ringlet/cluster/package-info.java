/**
 * The coordinator (consistency levels, digest reads, read repair), the token ring, hints and schema propagation.
 */
package org.ringlet.cluster;
