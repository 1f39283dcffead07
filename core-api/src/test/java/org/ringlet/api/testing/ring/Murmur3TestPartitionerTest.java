package org.ringlet.api.testing.ring;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class Murmur3TestPartitionerTest {
    private final Murmur3TestPartitioner partitioner = new Murmur3TestPartitioner();

    private String token(String text) {
        return partitioner.toString(partitioner.token(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8))));
    }

    private String token(int value) {
        return partitioner.toString(partitioner.token(ByteBuffer.allocate(4).putInt(0, value)));
    }

    @Test
    void tokensAreCassandras() {
        // values printed by Cassandra 5.0.6 for token(username) and token(a int)
        assertEquals("-7905752472182359000", token("aali24"));
        assertEquals("2621513098312339776", token("jack01"));
        assertEquals("6013687671608201304", token("ninopk"));
        assertEquals("-882788003101376442", token("raziz12"));
        assertEquals("-4069959284402364209", token(1));
        assertEquals("-3248873570005575792", token(2));
        assertEquals("9010454139840013625", token(3));
        assertEquals("-2729420104000364805", token(4));
    }

    @Test
    void emptyKeyHasTheMinimumToken() {
        assertEquals(partitioner.minimumToken(), partitioner.token(ByteBuffer.allocate(0)));
    }
}
