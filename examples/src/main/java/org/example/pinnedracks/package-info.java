/**
 * An example of a third-party Ringlet plugin: {@code pinned-racks}, a replication strategy that places a
 * keyspace's replicas only on nodes of a named set of racks, as a research group might write to study
 * rack-pinned placement. It depends on Ringlet's core API only (in provided scope) and is installed by copying
 * its jar into {@code plugins/pinned-racks/}.
 *
 * <pre>
 * CREATE KEYSPACE ks WITH replication = {'class': 'pinned-racks', 'racks': 'rack1,dc2:rack3',
 *                                        'replication_factor': '2'};
 * </pre>
 */
package org.example.pinnedracks;
