/**
 * Network helpers of the node's assembly: choosing a free port for settings given as port 0.
 */
package org.ringlet.node.net;
