/**
 * A Ringlet node, assembled: {@link org.ringlet.node.Node} builds one from a configuration and the discovered
 * components (several can run in one JVM, each with its own data directory and address), and
 * {@link org.ringlet.node.Main} is the command line behind the {@code ringlet} launcher ({@code start},
 * {@code components}, {@code config}).
 *
 * <p>This module is the only user of Guice and logback, and the only place that touches process-global state
 * (shutdown hooks, the process's environment and streams), always per node.
 */
package org.ringlet.node;
