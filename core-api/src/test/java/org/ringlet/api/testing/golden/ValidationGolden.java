package org.ringlet.api.testing.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ringlet.api.ring.NodeInfo;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.testing.Rings;

/**
 * How Apache Cassandra completed, accepted or rejected replication options of CREATE and ALTER KEYSPACE, read
 * from a golden file:
 *
 * <pre>
 * node INDEX DC RACK TOKEN                  (the cluster the statements ran against; the local node comes first)
 * keyspace NAME                             (the keyspace of the statements that follow)
 * create CLASS OPTIONS                      (Cassandra's short class name; options as {@link GoldenText#options})
 * alter CLASS OPTIONS PREVIOUS-OPTIONS
 * ok OPTIONS                                (what was stored)
 * warn MESSAGE                              (zero or more client warnings)
 * error MESSAGE                             (the ConfigurationException's message)
 * </pre>
 */
public final class ValidationGolden {
    private ValidationGolden() {
    }

    /**
     * One statement and its outcome.
     *
     * @param keyspace         the keyspace name
     * @param cassandraClass   the strategy's Cassandra short class name
     * @param options          what the user wrote, without {@code class}
     * @param previous         for ALTER, the previous options; null for CREATE
     * @param storedOptions    what Cassandra stored; null when it failed
     * @param warnings         the client warnings
     * @param error            the error message; null when it succeeded
     * @param line             the golden file line of the statement
     */
    public record Case(String keyspace, String cassandraClass, Map<String, String> options,
                       Map<String, String> previous,
                       Map<String, String> storedOptions, List<String> warnings, String error, int line) {
    }

    /** The file: its cluster and cases. */
    public record File(Topology topology, List<Case> cases) {
    }

    /** Reads a validation golden file from the classpath. */
    public static File read(Class<?> anchor, String resource) {
        String keyspace = null;
        String caseKeyspace = null;
        List<NodeInfo> nodes = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        String cls = null;
        Map<String, String> options = null;
        Map<String, String> previous = null;
        Map<String, String> stored = null;
        List<String> warnings = new ArrayList<>();
        String error = null;
        int caseLine = 0;
        for (GoldenText.Line line : GoldenText.readResource(anchor, resource)) {
            String[] f = line.fields(2);
            switch (f[0]) {
                case "keyspace" -> keyspace = f[1];
                case "node" -> {
                    String[] n = line.fields(-1);
                    nodes.add(Rings.node(Integer.parseInt(n[1]), n[2], n[3], Long.parseLong(n[4])));
                }
                case "create", "alter" -> {
                    if (cls != null) {
                        cases.add(new Case(caseKeyspace, cls, options, previous, stored, List.copyOf(warnings), error,
                                caseLine));
                    }
                    if (keyspace == null) {
                        throw line.error("no keyspace before the first statement");
                    }
                    String[] s = line.fields(-1);
                    caseKeyspace = keyspace;
                    cls = s[1];
                    options = GoldenText.options(s[2]);
                    previous = f[0].equals("alter") ? GoldenText.options(s[3]) : null;
                    stored = null;
                    warnings = new ArrayList<>();
                    error = null;
                    caseLine = line.number();
                }
                case "ok" -> stored = GoldenText.options(f[1]);
                case "warn" -> warnings.add(f[1]);
                case "error" -> error = f[1];
                default -> throw line.error("unknown record");
            }
        }
        if (cls != null) {
            cases.add(new Case(caseKeyspace, cls, options, previous, stored, List.copyOf(warnings), error, caseLine));
        }
        return new File(Topology.builder().addAll(nodes).build(), List.copyOf(cases));
    }
}
