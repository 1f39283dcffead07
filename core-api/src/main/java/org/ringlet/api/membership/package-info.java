/**
 * Cluster membership: which nodes exist, which are alive, and the events when that changes. Gossip with a
 * phi-accrual failure detector is one implementation.
 */
package org.ringlet.api.membership;
