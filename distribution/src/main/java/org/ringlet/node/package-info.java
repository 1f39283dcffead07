/**
 * Node assembly: configuration, plugin loading, Guice wiring, lifecycle and the launcher.
 */
package org.ringlet.node;
