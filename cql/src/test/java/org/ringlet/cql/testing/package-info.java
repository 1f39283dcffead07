/** A node's query layer assembled in memory for tests, with deterministic services. */
package org.ringlet.cql.testing;
