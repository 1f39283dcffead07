/**
 * NetworkTopologyStrategy: rack-aware replica placement per datacenter.
 */
package org.ringlet.replication.topology;
