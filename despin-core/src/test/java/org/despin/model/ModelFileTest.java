package org.despin.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.despin.DespinException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    private Path writeSample(String name) throws IOException {
        Path p = dir.resolve(name);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("model", "test");
        meta.put("inputs", "a b");
        try (ModelFile.Writer w = new ModelFile.Writer(p)) {
            w.section("alpha", out -> {
                out.writeInt(42);
                out.writeLong(-7L);
                out.writeUtf8("héllo");
            });
            w.section("beta", out -> out.writeFloats(new float[] {1.5f, -2.25f}, 0, 2));
            w.finish(meta);
        }
        return p;
    }

    @Test
    void roundTripsSectionsAndMetadata() throws Exception {
        Path p = writeSample("m.dspm");
        ModelFile f = ModelFile.open(p);
        assertEquals(List.of("alpha", "beta"), f.sectionNames());
        assertEquals(ModelFile.FORMAT_VERSION, f.info().formatVersion());
        assertEquals(Map.of("model", "test", "inputs", "a b"), f.info().metadata());
        ByteBuffer a = f.section("alpha");
        assertEquals(42, a.getInt());
        assertEquals(-7L, a.getLong());
        int len = a.getInt();
        byte[] b = new byte[len];
        a.get(b);
        assertEquals("héllo", new String(b, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(24, f.sectionLength("alpha")); // 4 + 8 + 4 + 6 = 22, aligned to 8
        ByteBuffer beta = f.section("beta");
        assertEquals(1.5f, beta.getFloat());
        assertEquals(-2.25f, beta.getFloat());
        f.verify();
        assertFalse(Files.exists(dir.resolve("m.dspm.incomplete")));
    }

    @Test
    void sameInputsGiveSameBytes() throws Exception {
        assertArrayEquals(Files.readAllBytes(writeSample("a.dspm")), Files.readAllBytes(writeSample("b.dspm")));
    }

    @Test
    void refusesTruncatedFile() throws Exception {
        Path p = writeSample("t.dspm");
        byte[] all = Files.readAllBytes(p);
        Files.write(p, java.util.Arrays.copyOf(all, all.length - 5));
        DespinException e = assertThrows(DespinException.class, () -> ModelFile.open(p));
        assertEquals(p + ": truncated model file: header says " + all.length + " bytes, file has " + (all.length - 5)
                + "; delete it and rebuild", e.getMessage());
        assertEquals(4, e.exitCode());
    }

    @Test
    void refusesIncompleteFile() throws Exception {
        Path p = writeSample("i.dspm");
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4), 12);
        }
        DespinException e = assertThrows(DespinException.class, () -> ModelFile.open(p));
        assertTrue(e.getMessage().contains("incomplete model file"), e.getMessage());
    }

    @Test
    void refusesForeignFileAndOtherVersion() throws Exception {
        Path foreign = dir.resolve("foreign.bin");
        Files.writeString(foreign, "this is not a model file at all, just text");
        assertEquals(foreign + ": not a despin model file (wrong magic bytes)",
                assertThrows(DespinException.class, () -> ModelFile.open(foreign)).getMessage());

        Path p = writeSample("v.dspm");
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 99), 8);
        }
        assertEquals(p + ": model format version 99, this despin reads version " + ModelFile.FORMAT_VERSION
                + "; rebuild the model with this version ('despin model build')",
                assertThrows(DespinException.class, () -> ModelFile.open(p)).getMessage());
    }

    @Test
    void detectsCorruptSectionOnVerify() throws Exception {
        Path p = writeSample("c.dspm");
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x55}), 33);
        }
        ModelFile f = ModelFile.open(p);
        DespinException e = assertThrows(DespinException.class, f::verify);
        assertEquals(p + ": section 'alpha' fails its checksum; the file is corrupt, rebuild it", e.getMessage());
    }

    @Test
    void missingFileAndDirectory() {
        Path missing = dir.resolve("nope.dspm");
        assertEquals(missing + ": no such model file",
                assertThrows(DespinException.class, () -> ModelFile.open(missing)).getMessage());
        assertEquals(dir + ": is a directory, not a despin model file",
                assertThrows(DespinException.class, () -> ModelFile.open(dir)).getMessage());
    }

    @Test
    void missingSectionNamesTheFile() throws Exception {
        Path p = writeSample("s.dspm");
        ModelFile f = ModelFile.open(p);
        assertEquals(p + ": has no 'lm' section; it was built by another tool or version",
                assertThrows(DespinException.class, () -> f.section("lm")).getMessage());
    }
}
