package org.ringlet.api.testing;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeededRandomSourceTest {

    @Test
    void sameSeedSameSequence() {
        SeededRandomSource a = new SeededRandomSource(42);
        SeededRandomSource b = new SeededRandomSource(42);
        for (int i = 0; i < 100; i++) {
            assertEquals(a.nextLong(), b.nextLong());
            assertEquals(a.nextInt(1000), b.nextInt(1000));
        }
        byte[] x = new byte[16];
        byte[] y = new byte[16];
        a.nextBytes(x);
        b.nextBytes(y);
        assertArrayEquals(x, y);
        assertEquals(a.randomUuid(), b.randomUuid());
        assertNotEquals(new SeededRandomSource(1).nextLong(), new SeededRandomSource(2).nextLong());
    }

    @Test
    void forksAreReproducibleAndIndependent() {
        SeededRandomSource parent1 = new SeededRandomSource(7);
        SeededRandomSource parent2 = new SeededRandomSource(7);
        SeededRandomSource child1 = parent1.fork();
        SeededRandomSource child2 = parent2.fork();
        assertEquals(child1.seed(), child2.seed());
        assertEquals(child1.nextLong(), child2.nextLong());
        assertNotEquals(child1.seed(), parent1.seed());
    }

    @Test
    void uuidsAreVersion4AndBoundsAreChecked() {
        UUID uuid = new SeededRandomSource(3).randomUuid();
        assertEquals(4, uuid.version());
        assertEquals(2, uuid.variant());
        SeededRandomSource random = new SeededRandomSource(3);
        for (int i = 0; i < 1000; i++) {
            int v = random.nextInt(7);
            assertTrue(v >= 0 && v < 7);
            double d = random.nextDouble();
            assertTrue(d >= 0 && d < 1);
        }
        assertThrows(IllegalArgumentException.class, () -> random.nextInt(0));
    }
}
