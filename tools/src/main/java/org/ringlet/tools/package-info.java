/**
 * Command-line tools: cqlsh, nodetool and stress.
 */
package org.ringlet.tools;
