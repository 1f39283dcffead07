/**
 * Internode messaging: verbs, request/response with timeouts, one-way messages. The Netty implementation lives
 * in the transport module; an in-memory one for tests and the simulator is in core-api's test-jar.
 */
package org.ringlet.api.messaging;
