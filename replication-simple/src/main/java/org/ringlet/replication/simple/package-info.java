/**
 * SimpleStrategy, LocalStrategy and EverywhereStrategy.
 */
package org.ringlet.replication.simple;
