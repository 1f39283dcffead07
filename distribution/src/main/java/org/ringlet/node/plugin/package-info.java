/**
 * Component discovery: {@link java.util.ServiceLoader} over the node's own class path ("built-in") and over each
 * {@code plugins/<name>/} directory, which gets its own {@link org.ringlet.node.plugin.PluginClassLoader}; and the
 * {@link org.ringlet.api.ComponentRegistry} that resolves configured names, aliases and Cassandra class names to
 * the discovered factories. See docs/adr/0002-plugin-classloading.md.
 */
package org.ringlet.node.plugin;
