/**
 * The node's logging set-up: {@link org.ringlet.node.logging.DefaultLogging} builds the shipped
 * {@code conf/logback.xml}'s configuration directly, and leaves any other configuration to logback.
 */
package org.ringlet.node.logging;
