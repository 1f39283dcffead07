/**
 * ArchUnit rules over every module's classes: the module boundaries (core-api depends on the JDK only;
 * implementation modules never depend on each other; Guice and logback only in the node distribution), the
 * coding rules (no field injection, no standard streams outside the command-line tools, private static final
 * loggers, no mutable static state, no package cycles), and a check that the rules saw every class the build
 * produced.
 */
package org.ringlet.arch;
