package org.ringlet.testkit;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import static java.util.Objects.requireNonNull;

/**
 * A JUnit 5 extension that runs a {@link RingletCluster} for a test class or for each test.
 *
 * <pre>{@code
 * class MyDaoTest {
 *     @RegisterExtension
 *     static final RingletExtension RINGLET = RingletExtension.nodes(1);   // one node for the whole class
 *
 *     @Test
 *     void savesAndLoads() {
 *         try (CqlSession session = CqlSession.builder().addContactPoints(RINGLET.contactPoints())
 *                 .withLocalDatacenter(RINGLET.localDatacenter()).build()) { ... }
 *     }
 * }
 * }</pre>
 *
 * <p>Registered on a {@code static} field, the nodes start before the class's first test and stop after its last;
 * on an instance field, each test gets fresh nodes. {@code @ExtendWith(RingletExtension.class)} runs one node per
 * class with the defaults. Test methods and constructors may take a {@link RingletCluster} or (for node 1) a
 * {@link RingletNode} parameter. Data lives in a temporary directory deleted afterwards.
 */
public final class RingletExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private final RingletCluster.Builder builder;
    private RingletCluster cluster;
    private boolean perClass;

    /** One node with the testkit's defaults (what {@code @ExtendWith} uses). */
    public RingletExtension() {
        this(1);
    }

    private RingletExtension(int nodes) {
        this.builder = RingletCluster.builder().nodes(nodes);
    }

    /** A single node. */
    public static RingletExtension singleNode() {
        return new RingletExtension(1);
    }

    /** {@code count} nodes on 127.0.0.1 to 127.0.0.{@code count}. */
    public static RingletExtension nodes(int count) {
        return new RingletExtension(count);
    }

    /** A setting of every node (a cassandra.yaml key and value). */
    public RingletExtension set(String key, String value) {
        builder.set(key, value);
        return this;
    }

    /** Any other configuration of the cluster before it is built. */
    public RingletExtension configure(Consumer<RingletCluster.Builder> configuration) {
        requireNonNull(configuration, "configuration is null").accept(builder);
        return this;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        perClass = true;
        startCluster();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        closeCluster();
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (cluster == null) {
            startCluster();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (!perClass) {
            closeCluster();
        }
    }

    private void startCluster() {
        RingletCluster built = builder.build();
        try {
            built.start();
        } catch (RuntimeException e) {
            built.close();
            throw e;
        }
        cluster = built;
    }

    private void closeCluster() {
        RingletCluster c = cluster;
        cluster = null;
        if (c != null) {
            c.close();
        }
    }

    /** The running cluster. */
    public synchronized RingletCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("the Ringlet cluster runs only while tests run");
        }
        return cluster;
    }

    /** Node 1. */
    public RingletNode node() {
        return cluster().node(1);
    }

    /** Every node's CQL address. */
    public List<InetSocketAddress> contactPoints() {
        return cluster().contactPoints();
    }

    /** The local datacenter drivers should use. */
    public String localDatacenter() {
        return cluster().localDatacenter();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RingletCluster.class || type == RingletNode.class;
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (cluster == null) {
            // a constructor parameter of a per-test instance field's owner: start now
            startCluster();
        }
        return parameter.getParameter().getType() == RingletCluster.class ? cluster : cluster.node(1);
    }
}
