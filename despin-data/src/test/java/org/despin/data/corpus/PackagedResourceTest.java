package org.despin.data.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.despin.DespinException;
import org.junit.jupiter.api.Test;

class PackagedResourceTest {
    @Test
    void missingResourceNamesItsArtifact() {
        DespinException e = assertThrows(DespinException.class,
                () -> new PackagedResource("org.example:data:1.0", "org/example/missing.txt").open());
        assertEquals(DespinException.Kind.MODEL, e.kind());
        assertEquals("missing resource org/example/missing.txt of the Maven artifact org.example:data:1.0; it is a"
                + " dependency of despin-data: build with Maven (online once) so that it is resolved", e.getMessage());
    }

    @Test
    void sha256OfKnownBytes() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                PackagedResource.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    }
}
