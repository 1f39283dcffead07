package org.ringlet.node.management;

import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ringlet.api.locator.Location;
import org.ringlet.api.locator.LocationProvider;
import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.storage.CompactionProgress;
import org.ringlet.api.storage.StorageEngine;
import org.ringlet.tools.management.CompactionManagerMBean;
import org.ringlet.tools.management.EndpointSnitchInfoMBean;
import org.ringlet.tools.management.GossiperMBean;
import org.ringlet.tools.management.StorageProxyMBean;

import static java.util.Objects.requireNonNull;

/** The small MBeans: where nodes are, schema and release versions, running operations. Thread-safe. */
final class ClusterBeans {
    private ClusterBeans() {
    }

    /** {@code EndpointSnitchInfo}: locations from the ring, else from the location provider. */
    static final class SnitchInfo implements EndpointSnitchInfoMBean {
        private final StorageServiceBean storage;
        private final LocationProvider location;
        private final String snitchClass;

        SnitchInfo(StorageServiceBean storage, LocationProvider location, String snitchClass) {
            this.storage = requireNonNull(storage, "storage is null");
            this.location = requireNonNull(location, "location is null");
            this.snitchClass = requireNonNull(snitchClass, "snitchClass is null");
        }

        private Location of(String host) throws UnknownHostException {
            Optional<NodeInfo> node = storage.ring().nodeAt(host);
            if (node.isPresent()) {
                return node.get().location();
            }
            Optional<Location> known = location.locationOf(java.net.InetAddress.getByName(
                    host.startsWith("[") ? host.substring(1, host.indexOf(']')) : host.replaceAll(":\\d+$", "")));
            return known.orElseThrow(() -> new UnknownHostException("no node at " + host));
        }

        @Override public String getRack(String host) throws UnknownHostException { return of(host).rack(); }
        @Override public String getDatacenter(String host) throws UnknownHostException { return of(host).datacenter(); }
        @Override public String getRack() { return location.local().rack(); }
        @Override public String getDatacenter() { return location.local().datacenter(); }
        @Override public String getSnitchName() { return snitchClass; }
    }

    /** {@code StorageProxy}: every node of the ring on this node's schema version (no schema gossip yet). */
    static final class Proxy implements StorageProxyMBean {
        private final StorageServiceBean storage;

        Proxy(StorageServiceBean storage) {
            this.storage = requireNonNull(storage, "storage is null");
        }

        private Map<String, List<String>> versions(boolean port) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            List<String> nodes = storage.ring().nodes(n -> true, port);
            if (!nodes.isEmpty()) {
                out.put(storage.getSchemaVersion(), nodes);
            }
            return out;
        }

        @Override public Map<String, List<String>> getSchemaVersions() { return versions(false); }
        @Override public Map<String, List<String>> getSchemaVersionsWithPort() { return versions(true); }
    }

    /** {@code Gossiper}: the release version of every node of the ring. */
    static final class Gossip implements GossiperMBean {
        private final StorageServiceBean storage;

        Gossip(StorageServiceBean storage) {
            this.storage = requireNonNull(storage, "storage is null");
        }

        @Override
        public Map<String, List<String>> getReleaseVersionsWithPort() {
            Map<String, List<String>> out = new LinkedHashMap<>();
            List<String> nodes = new ArrayList<>(storage.ring().nodes(n -> true, true));
            if (!nodes.isEmpty()) {
                out.put(StorageServiceBean.RELEASE_VERSION, nodes);
            }
            return out;
        }
    }

    /** {@code CompactionManager}: the storage engine's running compactions, as Cassandra's maps. */
    static final class Compactions implements CompactionManagerMBean {
        private final int compactors;
        private final ManagementSources sources;

        Compactions(int compactors) {
            this(compactors, ManagementSources.none());
        }

        Compactions(int compactors, ManagementSources sources) {
            this.compactors = compactors;
            this.sources = requireNonNull(sources, "sources is null");
        }

        @Override
        public List<Map<String, String>> getCompactions() {
            List<Map<String, String>> out = new ArrayList<>();
            for (CompactionProgress p : sources.storage().map(StorageEngine::compactionProgress).orElse(List.of())) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("id", p.id().toString());
                m.put("compactionId", p.id().toString());
                m.put("keyspace", p.keyspace());
                m.put("columnfamily", p.table());
                m.put("taskType", p.kind());
                m.put("completed", Long.toString(p.completed()));
                m.put("total", Long.toString(p.total()));
                m.put("unit", p.unit());
                out.add(m);
            }
            return out;
        }

        @Override public int getCoreCompactorThreads() { return compactors; }
    }
}
