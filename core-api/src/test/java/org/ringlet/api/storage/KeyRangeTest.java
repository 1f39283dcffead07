package org.ringlet.api.storage;

import org.junit.jupiter.api.Test;
import org.ringlet.api.data.DataFixtures;
import org.ringlet.api.data.DataFixtures.LongToken;
import org.ringlet.api.data.DecoratedKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRangeTest {
    private static final LongToken T10 = new LongToken(10);
    private static final LongToken T20 = new LongToken(20);

    @Test
    void tokenBoundsInclusiveOrNot() {
        KeyRange ring = KeyRange.ofTokens(T10, T20);
        assertFalse(ring.containsToken(T10));
        assertTrue(ring.containsToken(new LongToken(11)));
        assertTrue(ring.containsToken(T20));
        assertFalse(ring.containsToken(new LongToken(21)));
        KeyRange closed = new KeyRange(T10, true, T20, false, null, null);
        assertTrue(closed.containsToken(T10));
        assertFalse(closed.containsToken(T20));
        assertTrue(KeyRange.all().containsToken(new LongToken(Long.MIN_VALUE)));
        assertTrue(KeyRange.ofTokens(null, T10).containsToken(new LongToken(Long.MIN_VALUE)));
        assertFalse(KeyRange.ofTokens(T10, null).containsToken(T10));
        assertTrue(KeyRange.ofTokens(T10, null).containsToken(new LongToken(Long.MAX_VALUE)));
    }

    @Test
    void resumption() {
        DecoratedKey a = new DecoratedKey(T10, DataFixtures.i(1));
        DecoratedKey b = new DecoratedKey(T10, DataFixtures.i(2));
        DecoratedKey c = new DecoratedKey(T20, DataFixtures.i(0));
        KeyRange r = KeyRange.all().resumingAfter(a, null);
        assertFalse(r.includes(a), "a finished partition is skipped");
        assertTrue(r.includes(b), "same token, greater key");
        assertTrue(r.includes(c));
        KeyRange within = KeyRange.all().resumingAfter(b, DataFixtures.ck(3));
        assertFalse(within.includes(a));
        assertTrue(within.includes(b), "the partition continues after the clustering");
        assertEquals(b, within.resumeKey().orElseThrow());
        assertFalse(KeyRange.ofTokens(T10, T20).resumingAfter(a, null).includes(b), "the token range still applies");
        assertTrue(a.compareTo(b) < 0 && b.compareTo(c) < 0);
    }
}
