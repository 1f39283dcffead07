package org.ringlet.api.data;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CounterContextTest {
    private static final UUID A = new UUID(1, 1);
    private static final UUID B = new UUID(2, 2);
    private static final UUID C = new UUID(-1, 3);

    @Provide
    Arbitrary<ByteBuffer> contexts() {
        Arbitrary<ByteBuffer> shard = Combinators.combine(Arbitraries.of(A, B, C),
                Arbitraries.longs().between(1, 4), Arbitraries.longs().between(-3, 3)).as(CounterContext::create);
        return shard.list().ofMinSize(1).ofMaxSize(3).map(l -> {
            ByteBuffer out = l.get(0);
            for (ByteBuffer s : l.subList(1, l.size())) {
                out = CounterContext.merge(out, s);
            }
            return out;
        });
    }

    @Property(tries = 1000)
    void mergeIsCommutativeAssociativeAndIdempotent(@ForAll("contexts") ByteBuffer a, @ForAll("contexts") ByteBuffer b,
                                                   @ForAll("contexts") ByteBuffer c) {
        assertEquals(CounterContext.merge(a, b), CounterContext.merge(b, a));
        assertEquals(CounterContext.merge(CounterContext.merge(a, b), c),
                CounterContext.merge(a, CounterContext.merge(b, c)));
        assertEquals(a, CounterContext.merge(a, a));
        assertEquals(a, CounterContext.merge(a, CounterContext.merge(a, a)));
    }

    @Test
    void incrementsFromSeveralNodesConvergeToTheirSum() {
        ByteBuffer onA = null;
        ByteBuffer onB = null;
        List<ByteBuffer> seen = new ArrayList<>();
        for (int k = 1; k <= 5; k++) {
            onA = CounterContext.increment(onA, A, k);
            seen.add(onA);
            onB = CounterContext.increment(onB, B, -1);
            seen.add(onB);
        }
        ByteBuffer forward = seen.get(0);
        for (ByteBuffer s : seen) {
            forward = CounterContext.merge(forward, s);
        }
        ByteBuffer backward = seen.get(seen.size() - 1);
        for (int k = seen.size() - 1; k >= 0; k--) {
            backward = CounterContext.merge(backward, seen.get(k));
        }
        assertEquals(forward, backward);
        assertEquals(15 - 5, CounterContext.total(forward));
    }

    @Test
    void higherClockWinsThenHigherCount() {
        assertEquals(9, CounterContext.total(CounterContext.merge(CounterContext.create(A, 2, 9),
                CounterContext.create(A, 1, 100))));
        assertEquals(100, CounterContext.total(CounterContext.merge(CounterContext.create(A, 2, 9),
                CounterContext.create(A, 2, 100))));
        assertEquals(64, CounterContext.create(A, 1, 1).remaining() + CounterContext.create(B, 1, 1).remaining());
        assertEquals(64, CounterContext.merge(CounterContext.create(B, 1, 1), CounterContext.create(A, 1, 1))
                .remaining());
        assertEquals(CounterContext.create(A, 1, 7), CounterContext.increment(null, A, 7));
        assertThrows(IllegalArgumentException.class, () -> CounterContext.total(ByteBuffer.allocate(31)));
    }
}
