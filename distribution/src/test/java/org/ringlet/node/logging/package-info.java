/** Tests of the node's logging set-up against logback's own reading of the shipped configuration. */
package org.ringlet.node.logging;
