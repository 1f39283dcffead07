package org.ringlet.api.testing.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.ringlet.api.ComponentConfig;
import org.ringlet.api.ComponentKind;
import org.ringlet.api.NodeContext;
import org.ringlet.api.locator.NodeProximity;
import org.ringlet.api.locator.NodeProximityFactory;
import org.ringlet.api.ring.Topology;
import org.ringlet.api.testing.MapNodeContext;
import org.ringlet.api.testing.Rings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract every {@link NodeProximity} and its {@link NodeProximityFactory} keep, on random
 * multi-datacenter, multi-rack rings. An implementation's test extends this class and adds its exact orderings.
 */
public abstract class NodeProximityContractTest {

    /** The factory under test. */
    protected abstract NodeProximityFactory factory();

    /** The node services the factory is given; none by default. */
    protected NodeContext context() {
        return MapNodeContext.empty();
    }

    /** The proximity under test. */
    protected NodeProximity proximity() {
        return factory().create(ComponentConfig.empty(), context());
    }

    private record Case(Topology topology, UUID self, List<UUID> nodes) {
    }

    private static Case randomCase(long seed) {
        Random random = new Random(seed);
        Topology topology = Rings.random(random, 3, 3, 12, 2);
        List<UUID> all = new ArrayList<>(topology.hostIds());
        UUID self = all.get(random.nextInt(all.size()));
        List<UUID> nodes = new ArrayList<>(all);
        for (int i = 0; i < random.nextInt(3); i++) {
            nodes.add(new UUID(1, random.nextLong()));
        }
        Collections.shuffle(nodes, random);
        nodes = nodes.subList(0, random.nextInt(nodes.size() + 1));
        return new Case(topology, self, nodes);
    }

    @Test
    void factoryDescribesItself() {
        NodeProximityFactory f = factory();
        assertEquals(ComponentKind.NODE_PROXIMITY, f.kind());
        assertTrue(f.name().matches("[a-z0-9-]+"), "name must be lowercase ASCII: " + f.name());
    }

    @Property(tries = 300)
    void sortingIsAStablePermutationConsistentWithCompare(@ForAll long seed) {
        Case c = randomCase(seed);
        NodeProximity p = proximity();
        List<UUID> input = List.copyOf(c.nodes());
        List<UUID> sorted = p.sortByProximity(c.self(), input, c.topology());
        assertEquals(input, c.nodes(), "the input list was changed");
        assertEquals(input.size(), sorted.size());
        assertEquals(new HashSet<>(input), new HashSet<>(sorted));
        for (int i = 1; i < sorted.size(); i++) {
            UUID a = sorted.get(i - 1);
            UUID b = sorted.get(i);
            int cmp = p.compare(c.self(), a, b, c.topology());
            assertTrue(cmp <= 0, () -> a + " sorted before the farther " + b);
            if (cmp == 0) {
                assertTrue(input.indexOf(a) < input.indexOf(b), "equally close nodes changed their order");
            }
        }
    }

    @Property(tries = 300)
    void compareIsAntisymmetric(@ForAll long seed) {
        Case c = randomCase(seed);
        NodeProximity p = proximity();
        for (UUID a : c.nodes()) {
            for (UUID b : c.nodes()) {
                assertEquals(Integer.signum(p.compare(c.self(), a, b, c.topology())),
                        -Integer.signum(p.compare(c.self(), b, a, c.topology())));
            }
            assertEquals(0, p.compare(c.self(), a, a, c.topology()));
        }
    }

    @Property(tries = 200)
    void unknownNodesSortLastInTheirGivenOrder(@ForAll long seed) {
        Case c = randomCase(seed);
        List<UUID> sorted = proximity().sortByProximity(c.self(), c.nodes(), c.topology());
        List<UUID> unknownGiven = c.nodes().stream().filter(n -> c.topology().node(n).isEmpty()).toList();
        List<UUID> tail = sorted.subList(sorted.size() - unknownGiven.size(), sorted.size());
        assertEquals(unknownGiven, tail);
    }
}
