/**
 * CQL types as the query layer needs them beyond core-api: resolving written types (with user types and
 * Cassandra's rules on frozen and nested collections) and converting constants' text to serialized values with
 * Cassandra's literal formats and messages.
 */
package org.ringlet.cql.types;
