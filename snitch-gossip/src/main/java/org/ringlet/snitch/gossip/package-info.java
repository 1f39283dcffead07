/**
 * Gossip membership with a phi-accrual failure detector, and the snitches' location providers and proximity.
 */
package org.ringlet.snitch.gossip;
