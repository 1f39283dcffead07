package org.ringlet.api.error;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AlreadyExistsExceptionTest {

    @Test
    void keyspaceMessageIsCassandras() {
        AlreadyExistsException e = AlreadyExistsException.keyspace("ks");
        assertEquals("Keyspace 'ks' already exists", e.getMessage());
        assertEquals("ks", e.keyspace());
        assertEquals("", e.table());
        assertEquals(ErrorCode.ALREADY_EXISTS, e.code());
    }

    @Test
    void tableMessageIsCassandras() {
        AlreadyExistsException e = AlreadyExistsException.table("ks", "t");
        assertEquals("Table 'ks.t' already exists", e.getMessage());
        assertEquals("t", e.table());
    }
}
