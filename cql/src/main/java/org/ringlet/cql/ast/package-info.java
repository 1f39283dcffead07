/**
 * The abstract syntax of CQL: immutable records built from the parse tree, with identifiers already folded to
 * their case (unquoted names lower-cased, quoted names kept) and bind markers numbered in order of appearance.
 * Nothing here knows the schema; statements are prepared from these records against it.
 */
package org.ringlet.cql.ast;
