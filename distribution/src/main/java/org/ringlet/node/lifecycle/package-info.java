/**
 * The node's lifecycle: a {@link org.ringlet.node.lifecycle.LifecycleManager} that starts
 * {@link org.ringlet.api.Service}s in dependency order and stops them in reverse. See
 * docs/adr/0003-lifecycle.md.
 */
package org.ringlet.node.lifecycle;
