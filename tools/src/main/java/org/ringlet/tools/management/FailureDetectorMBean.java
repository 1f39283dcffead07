package org.ringlet.tools.management;

/**
 * The failure detector's view of every endpoint's gossip state, registered as
 * {@value ManagementNames#FAILURE_DETECTOR} by nodes that gossip (Cassandra does; a Ringlet node registers it once it
 * has cluster membership). Thread-safe.
 */
public interface FailureDetectorMBean {

    /** Every endpoint's state as {@code nodetool gossipinfo} prints it: {@code /ADDRESS} then indented entries. */
    String getAllEndpointStates();

    /** The same with {@code /ADDRESS:PORT} headers. */
    String getAllEndpointStatesWithPort();
}
