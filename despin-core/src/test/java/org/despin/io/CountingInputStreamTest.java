package org.despin.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CountingInputStreamTest {
    @Test
    void countsSingleBytesArraysAndSkipsButNotEndOfStream() throws IOException {
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(new byte[10]));
        assertEquals(0, in.read());
        assertEquals(1, in.count());
        assertEquals(4, in.read(new byte[4], 0, 4));
        assertEquals(5, in.count());
        assertEquals(3, in.skip(3));
        assertEquals(8, in.count());
        assertEquals(2, in.read(new byte[8], 0, 8));
        assertEquals(-1, in.read());
        assertEquals(-1, in.read(new byte[8], 0, 8));
        assertEquals(10, in.count());
    }
}
