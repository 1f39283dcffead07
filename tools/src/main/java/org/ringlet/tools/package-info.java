/**
 * Command-line tools: cqlsh, nodetool and stress, and the {@link org.ringlet.tools.Console} every command-line
 * program of Ringlet writes its user-facing output to (the only code that touches the standard streams).
 */
package org.ringlet.tools;
