/**
 * ArchUnit rules over every module.
 */
package org.ringlet.arch;
