/**
 * Netty transports: the CQL native protocol server and internode messaging.
 */
package org.ringlet.transport;
