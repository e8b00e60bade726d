package io.smcdoctor.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.BinaryLinkage;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElfInspectorTest {
    private static final String LD64 = "/lib64/ld-linux-x86-64.so.2";

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static byte[] resource(String name) throws IOException {
        try (var in = ElfInspectorTest.class.getResourceAsStream("/elf/" + name)) {
            assertThat(in).as("resource elf/%s", name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void inspect_committedDynamicFixture_yieldsInterpreterAndNeeded() throws IOException {
        Path p = write("app", resource("dynamic-x86_64.elf"));

        ElfInspector.Inspection r = ElfInspector.inspect(p);

        BinaryLinkage l = r.linkage();
        assertThat(l.elf()).isTrue();
        assertThat(l.staticallyLinked()).isFalse();
        assertThat(l.interpreter()).isEqualTo(LD64);
        assertThat(l.needed()).containsExactly("libpthread.so.0", "libc.so.6");
        assertThat(l.path()).isEqualTo(p.toString());
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void inspect_committedStaticFixture_isStatic() throws IOException {
        BinaryLinkage l = ElfInspector.inspect(write("static", resource("static-x86_64.elf"))).linkage();

        assertThat(l.elf()).isTrue();
        assertThat(l.staticallyLinked()).isTrue();
        assertThat(l.interpreter()).isEmpty();
        assertThat(l.needed()).isEmpty();
    }

    @Test
    void inspect_committedStaticPieFixture_isStatic() throws IOException {
        ElfInspector.Inspection r = ElfInspector.inspect(write("spie", resource("static-pie-x86_64.elf")));

        assertThat(r.linkage().staticallyLinked()).isTrue();
        assertThat(r.warnings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "false,false", "false,true", "true,true", "true,false"
    })
    void inspect_everyClassAndByteOrder_readsDynamicSection(boolean is64, boolean bigEndian) throws IOException {
        byte[] img = ElfImages.image(is64, bigEndian, ElfImages.ET_EXEC, "/lib/ld.so.1", true,
                List.of("libsmc-preload.so", "libc.so.6"));

        ElfInspector.Inspection r = ElfInspector.inspect(write("x", img));

        assertThat(r.linkage().interpreter()).isEqualTo("/lib/ld.so.1");
        assertThat(r.linkage().needed()).containsExactly("libsmc-preload.so", "libc.so.6");
        assertThat(r.linkage().staticallyLinked()).isFalse();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void inspect_sharedObjectWithNeededButNoInterpreter_isDynamic() throws IOException {
        byte[] img = ElfImages.image(true, false, ElfImages.ET_DYN, "", true, List.of("libc.so.6"));

        BinaryLinkage l = ElfInspector.inspect(write("lib.so", img)).linkage();

        assertThat(l.staticallyLinked()).isFalse();
        assertThat(l.needed()).containsExactly("libc.so.6");
    }

    @Test
    void inspect_scriptAndText_areNotElf() throws IOException {
        BinaryLinkage script = ElfInspector.inspect(write("run.sh", "#!/bin/bash -e\necho hi\n".getBytes())).linkage();
        BinaryLinkage text = ElfInspector.inspect(write("notes.txt", "hello".getBytes())).linkage();
        ElfInspector.Inspection empty = ElfInspector.inspect(write("empty", new byte[0]));

        assertThat(script.elf()).isFalse();
        assertThat(script.interpreter()).isEqualTo("/bin/bash");
        assertThat(text.elf()).isFalse();
        assertThat(text.interpreter()).isEmpty();
        assertThat(empty.linkage().elf()).isFalse();
        assertThat(empty.warnings()).isEmpty();
    }

    @Test
    void inspect_missingFileAndDirectory_warn() {
        ElfInspector.Inspection missing = ElfInspector.inspect(dir.resolve("nope"));
        ElfInspector.Inspection directory = ElfInspector.inspect(dir);

        assertThat(missing.linkage().elf()).isFalse();
        assertThat(missing.warnings()).extracting(w -> w.message()).containsExactly("file not found");
        assertThat(directory.warnings()).extracting(w -> w.message()).containsExactly("not a regular file");
    }

    @Test
    void inspect_everyTruncation_neverThrowsAndNeverClaimsStatic() throws IOException {
        byte[] img = ElfImages.image(true, false, ElfImages.ET_DYN, LD64, true, List.of("libc.so.6"));

        for (int len = 0; len < img.length; len++) {
            ElfInspector.Inspection r = ElfInspector.inspect(write("cut" + len, Arrays.copyOf(img, len)));
            assertThat(r.linkage().staticallyLinked()).as("cut at %d", len).isFalse();
            if (len >= 64) {
                assertThat(r.linkage().elf()).isTrue();
                assertThat(r.warnings()).as("cut at %d", len).isNotEmpty();
            }
        }
    }

    @Test
    void inspect_hostileHeaders_warnInsteadOfReadingHugeTables() throws IOException {
        byte[] base = ElfImages.image(true, false, ElfImages.ET_EXEC, LD64, true, List.of("libc.so.6"));

        byte[] hugeOffset = base.clone();
        ByteBuffer.wrap(hugeOffset).order(ByteOrder.LITTLE_ENDIAN).putLong(32, Long.MAX_VALUE - 10);
        byte[] hugeCount = base.clone();
        ByteBuffer.wrap(hugeCount).order(ByteOrder.LITTLE_ENDIAN).putShort(56, (short) 0xfffe);
        byte[] xnumToNowhere = base.clone();
        ByteBuffer.wrap(xnumToNowhere).order(ByteOrder.LITTLE_ENDIAN).putShort(56, (short) 0xffff)
                .putLong(40, 1L << 40);
        byte[] tinyEntries = base.clone();
        ByteBuffer.wrap(tinyEntries).order(ByteOrder.LITTLE_ENDIAN).putShort(54, (short) 1);
        byte[] relocatable = base.clone();
        ByteBuffer.wrap(relocatable).order(ByteOrder.LITTLE_ENDIAN).putShort(16, (short) 1);
        byte[] badClass = base.clone();
        badClass[4] = 9;

        for (byte[] img : List.of(hugeOffset, hugeCount, xnumToNowhere, tinyEntries, relocatable, badClass)) {
            ElfInspector.Inspection r = ElfInspector.inspect(write("h", img));
            assertThat(r.linkage().elf()).isTrue();
            assertThat(r.linkage().staticallyLinked()).isFalse();
            assertThat(r.warnings()).hasSize(1);
        }
    }

    @Test
    void inspect_dynamicWithoutTerminatorOrMappedStrtab_warns() throws IOException {
        byte[] img = ElfImages.image(true, false, ElfImages.ET_EXEC, "", true, List.of("libc.so.6"));
        // move DT_STRTAB (second of 4 entries from the end: NEEDED, STRTAB, STRSZ, NULL) far outside any segment
        int dynOff = img.length - 4 * 16;
        ByteBuffer.wrap(img).order(ByteOrder.LITTLE_ENDIAN).putLong(dynOff + 16 + 8, 0x7fff_0000_0000L);

        ElfInspector.Inspection r = ElfInspector.inspect(write("s", img));

        assertThat(r.linkage().staticallyLinked()).isFalse();
        assertThat(r.linkage().needed()).containsExactly("?");
        assertThat(r.warnings()).hasSize(1);

        byte[] noNull = ElfImages.image(true, false, ElfImages.ET_EXEC, "", true, List.of());
        // overwrite DT_NULL with a DT_DEBUG entry: the section never ends
        ByteBuffer.wrap(noNull).order(ByteOrder.LITTLE_ENDIAN).putLong(noNull.length - 16, 21);

        ElfInspector.Inspection r2 = ElfInspector.inspect(write("n", noNull));

        assertThat(r2.linkage().staticallyLinked()).isFalse();
        assertThat(r2.warnings()).extracting(w -> w.message()).anyMatch(m -> m.contains("DT_NULL"));
    }

    @Test
    void inspect_randomBytesAfterMagic_neverThrow() throws IOException {
        Random rnd = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] img = new byte[64 + rnd.nextInt(512)];
            rnd.nextBytes(img);
            img[0] = 0x7f;
            img[1] = 'E';
            img[2] = 'L';
            img[3] = 'F';
            img[4] = (byte) (1 + rnd.nextInt(2));
            img[5] = (byte) (1 + rnd.nextInt(2));
            ElfInspector.Inspection r = ElfInspector.inspect(write("r" + i, img));
            assertThat(r.linkage().elf()).isTrue();
        }
    }

    @Test
    void inspect_binLs_isDynamicWithLibc() {
        Path ls = Path.of("/bin/ls");
        Assumptions.assumeTrue(Files.isReadable(ls) && System.getProperty("os.arch").equals("amd64"),
                "needs /bin/ls on x86_64 Linux");

        ElfInspector.Inspection r = ElfInspector.inspect(ls);

        assertThat(r.linkage().elf()).isTrue();
        assertThat(r.linkage().staticallyLinked()).isFalse();
        assertThat(r.linkage().interpreter()).contains("ld-linux-x86-64.so.2");
        assertThat(r.linkage().needed()).contains("libc.so.6");
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void inspect_ldconfig_isStatic() throws IOException {
        // glibc's ldconfig must run before any library is configured, so distributions ship it static (-pie)
        Path p = Path.of("/sbin/ldconfig");
        Assumptions.assumeTrue(Files.isReadable(p), "needs /sbin/ldconfig");
        byte[] head = Arrays.copyOf(Files.readAllBytes(p), 4);
        Assumptions.assumeTrue(Arrays.equals(head, new byte[] {0x7f, 'E', 'L', 'F'}), "ldconfig is not ELF here");

        ElfInspector.Inspection r = ElfInspector.inspect(p);

        assertThat(r.linkage().staticallyLinked()).isTrue();
        assertThat(r.linkage().interpreter()).isEmpty();
        assertThat(r.linkage().needed()).isEmpty();
    }

    @Test
    void builderBinary_addsLinkageAndSource() throws IOException {
        Path p = write("static", resource("static-x86_64.elf"));

        Evidence ev = Evidence.builder().binary(p).build();

        assertThat(ev.facts(BinaryLinkage.class)).singleElement()
                .satisfies(l -> assertThat(l.staticallyLinked()).isTrue());
        assertThat(ev.has(SourceKind.BINARY)).isTrue();
    }
}
