/**
 * An example third-party plugin: a replication strategy that pins replicas to named racks.
 */
package org.example.pinnedracks;
