/**
 * Deterministic test doubles and fixtures for every module's tests: a seeded random source, a map-backed node
 * context, a fixed topology service, long tokens and random rings. Published in core-api's test-jar.
 */
package org.ringlet.api.testing;
