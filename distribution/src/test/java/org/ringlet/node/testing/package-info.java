/**
 * Small component factories for the distribution's tests, registered on the test class path under
 * META-INF/services like any built-in component, so that node assembly is tested independently of the real
 * partitioner, replication and snitch modules. Their names start with {@code test-}.
 */
package org.ringlet.node.testing;
