/** Tests of the node's management interface: nodetool against a started node and against MBeans over doubles. */
package org.ringlet.node.management;
