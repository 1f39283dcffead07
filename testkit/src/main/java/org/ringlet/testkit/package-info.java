/**
 * In-process nodes and clusters for tests (a JUnit 5 extension).
 */
package org.ringlet.testkit;
