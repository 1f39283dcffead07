/** Tests of the testkit itself: clusters, nodes and the JUnit 5 extension. */
package org.ringlet.testkit;
