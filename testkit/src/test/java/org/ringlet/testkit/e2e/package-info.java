/**
 * End-to-end tests: nodes started through the testkit (or the real launcher) and used with real clients — the Java,
 * Python and Node.js drivers, nodetool — as applications use them. Prerequisites that CI installs (the Python
 * driver, the Node.js driver's modules) are required: a test fails with instructions when one is missing.
 */
package org.ringlet.testkit.e2e;
