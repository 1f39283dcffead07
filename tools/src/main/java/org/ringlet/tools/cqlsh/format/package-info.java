/**
 * How cqlsh shows values: pure functions from driver values (and their CQL types) to the text cqlsh prints,
 * including its float precision rule, its text escapes, its ordering of set elements and map keys, and terminal
 * display widths. No I/O and no driver session here.
 */
package org.ringlet.tools.cqlsh.format;
