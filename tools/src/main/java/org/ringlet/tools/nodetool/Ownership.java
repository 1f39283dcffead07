package org.ringlet.tools.nodetool;

import java.io.IOException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.ringlet.tools.management.EndpointSnitchInfoMBean;

/** The ring grouped by datacenter, as nodetool's status, ring and describecluster group it. */
final class Ownership {

    /**
     * One ring token.
     *
     * @param token    the token
     * @param endpoint the owner, with port ({@code 127.0.0.1:7000})
     * @param owns     the owner's share, or null
     */
    record HostStat(String token, String endpoint, Float owns) {
        /** The owner's address without the port. */
        String host() {
            return hostOf(endpoint);
        }
    }

    private Ownership() {
    }

    /** {@code 127.0.0.1:7000} → {@code 127.0.0.1}; {@code [::1]:7000} → {@code ::1}; an address without port as is. */
    static String hostOf(String endpoint) {
        if (endpoint.startsWith("[")) {
            int close = endpoint.indexOf(']');
            return close > 0 ? endpoint.substring(1, close) : endpoint;
        }
        int colon = endpoint.lastIndexOf(':');
        return colon > 0 && endpoint.indexOf(':') == colon ? endpoint.substring(0, colon) : endpoint;
    }

    /** Tokens in ring order grouped by the datacenter of their owner, datacenters sorted by name. */
    static SortedMap<String, List<HostStat>> byDatacenter(EndpointSnitchInfoMBean snitch,
                                                          Map<String, String> tokenToEndpoint,
                                                          Map<String, Float> ownerships) throws IOException {
        SortedMap<String, List<HostStat>> out = new TreeMap<>();
        Map<String, String> dcOf = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : tokenToEndpoint.entrySet()) {
            String endpoint = e.getValue();
            String dc = dcOf.get(endpoint);
            if (dc == null) {
                try {
                    dc = snitch.getDatacenter(hostOf(endpoint));
                } catch (UnknownHostException ex) {
                    throw new IOException(ex);
                }
                dcOf.put(endpoint, dc);
            }
            out.computeIfAbsent(dc, k -> new ArrayList<>()).add(new HostStat(e.getKey(), endpoint,
                    ownerships.get(endpoint)));
        }
        return out;
    }

    /** The stats grouped by endpoint, endpoints in the order of their first token. */
    static Map<String, List<HostStat>> byEndpoint(List<HostStat> stats) {
        Map<String, List<HostStat>> out = new LinkedHashMap<>();
        for (HostStat s : stats) {
            out.computeIfAbsent(s.endpoint(), k -> new ArrayList<>()).add(s);
        }
        return out;
    }
}
