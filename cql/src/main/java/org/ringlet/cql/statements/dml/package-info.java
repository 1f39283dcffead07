/**
 * Data modification statements: INSERT (later UPDATE, DELETE and BATCH), which bind their values into a mutation
 * of one partition and write it through the coordinator.
 */
package org.ringlet.cql.statements.dml;
