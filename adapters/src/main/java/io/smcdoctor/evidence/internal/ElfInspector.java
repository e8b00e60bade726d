package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.BinaryLinkage;
import io.smcdoctor.evidence.facts.Provenance;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Tells from an executable's ELF headers whether it is statically linked, in plain Java (no {@code readelf},
 * no {@code file}). A binary is static when it has no {@code PT_INTERP} program header and no {@code DT_NEEDED}
 * entry; a static PIE (a {@code PT_DYNAMIC} segment without {@code DT_NEEDED} and without {@code PT_INTERP}) counts
 * as static. Static binaries ignore {@code LD_PRELOAD}, so {@code smc_run} cannot switch them to SMC.
 *
 * <p>Reads 32- and 64-bit files of either byte order. Every read is positional and bounded (header, at most
 * {@link #MAX_TABLE_BYTES} of program headers or dynamic entries, {@link #MAX_STRING} bytes per name), so
 * truncated or hostile files (huge offsets, counts or sizes) cost little and produce a warning, never an
 * exception. Non-ELF files give {@code elf == false}; a {@code #!} script reports its interpreter.
 * Stateless and thread-safe.
 */
public final class ElfInspector {
    /** Largest program header table or dynamic section read, in bytes. */
    public static final int MAX_TABLE_BYTES = 1 << 20;
    /** Longest interpreter path or library name read, in bytes. */
    public static final int MAX_STRING = 4096;
    /** Most {@code DT_NEEDED} names kept. */
    public static final int MAX_NEEDED = 1024;

    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final int PT_INTERP = 3;
    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;
    private static final long DT_STRSZ = 10;
    private static final int PN_XNUM = 0xffff;

    /**
     * The result of one inspection.
     *
     * @param linkage  what was found (always present; {@code elf == false} for non-ELF or unreadable files)
     * @param warnings problems met on the way (truncated headers, unreadable file, ...), each naming the file
     */
    public record Inspection(BinaryLinkage linkage, List<ParseWarning> warnings) {
        /** Checks and copies. */
        public Inspection {
            Objects.requireNonNull(linkage, "linkage");
            warnings = List.copyOf(warnings);
        }
    }

    private ElfInspector() {
    }

    /**
     * Inspects the file at {@code path}. Never throws for content or I/O problems; they become warnings.
     *
     * @param path an executable (symbolic links are followed, as the loader does)
     * @return the linkage and any warnings
     */
    public static Inspection inspect(Path path) {
        Objects.requireNonNull(path, "path");
        Run run = new Run(path.toString());
        if (!Files.isRegularFile(path)) {
            run.warn(Files.exists(path) ? "not a regular file" : "file not found");
            return run.result(false, false);
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            return run.inspect(ch);
        } catch (IOException | SecurityException e) {
            run.warn("cannot read: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            return run.result(false, false);
        }
    }

    private record Load(long vaddr, long offset, long filesz) {
    }

    /** State of one inspection. */
    private static final class Run {
        private final String path;
        private final List<ParseWarning> warnings = new ArrayList<>();
        private final List<String> needed = new ArrayList<>();
        private String interpreter = "";
        private String summary = "";
        private @Nullable FileChannel ch;
        private long size;
        private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        private boolean is64;

        Run(String path) {
            this.path = path;
        }

        Inspection inspect(FileChannel channel) throws IOException {
            ch = channel;
            size = channel.size();
            ByteBuffer ident = read(0, 16);
            if (ident == null || ident.get(0) != 0x7f || ident.get(1) != 'E' || ident.get(2) != 'L'
                    || ident.get(3) != 'F') {
                script();
                summary = interpreter.isEmpty() ? "not an ELF file" : "script for " + interpreter;
                return result(false, false);
            }
            int cls = ident.get(4);
            int data = ident.get(5);
            if ((cls != 1 && cls != 2) || (data != 1 && data != 2)) {
                warn("unknown ELF class " + cls + " or byte order " + data + "; linkage not determined");
                summary = "ELF, unknown class";
                return result(true, false);
            }
            is64 = cls == 2;
            order = data == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            summary = "ELF " + (is64 ? "64" : "32") + "-bit " + (data == 1 ? "LSB" : "MSB");
            ByteBuffer h = read(0, is64 ? 64 : 52);
            if (h == null) {
                warn("truncated ELF header (" + size + " bytes)");
                return result(true, false);
            }
            int type = u16(h, 16);
            long phoff = is64 ? h.getLong(32) : u32(h, 28);
            long shoff = is64 ? h.getLong(40) : u32(h, 32);
            int phentsize = u16(h, is64 ? 54 : 42);
            long phnum = u16(h, is64 ? 56 : 44);
            if (type != 2 && type != 3) {
                warn("not an executable or shared object (ELF type " + type + "); linkage not determined");
                return result(true, false);
            }
            if (phnum == PN_XNUM) {
                // the real count is in sh_info of section header 0
                ByteBuffer sh0 = read(shoff, is64 ? 64 : 40);
                if (sh0 == null) {
                    warn("program header count escapes to a missing section header");
                    return result(true, false);
                }
                phnum = u32(sh0, is64 ? 44 : 28);
            }
            int minEnt = is64 ? 56 : 32;
            if (phnum == 0) {
                warn("no program headers; linkage not determined");
                return result(true, false);
            }
            if (phentsize < minEnt) {
                warn("program header entry size " + phentsize + " is smaller than " + minEnt);
                return result(true, false);
            }
            if (phnum * phentsize > MAX_TABLE_BYTES) {
                warn("program header table of " + phnum + " entries is implausibly large");
                return result(true, false);
            }
            ByteBuffer ph = read(phoff, (int) (phnum * phentsize));
            if (ph == null) {
                warn("program header table (offset " + Long.toUnsignedString(phoff) + ") lies outside the file");
                return result(true, false);
            }
            List<Load> loads = new ArrayList<>();
            long dynOff = -1;
            long dynSize = 0;
            boolean hasInterp = false;
            boolean certain = true;
            for (int i = 0; i < phnum; i++) {
                int b = i * phentsize;
                int ptype = ph.getInt(b);
                long off = is64 ? ph.getLong(b + 8) : u32(ph, b + 4);
                long vaddr = is64 ? ph.getLong(b + 16) : u32(ph, b + 8);
                long filesz = is64 ? ph.getLong(b + 32) : u32(ph, b + 16);
                if (ptype == PT_LOAD) {
                    loads.add(new Load(vaddr, off, filesz));
                } else if (ptype == PT_INTERP) {
                    hasInterp = true;
                    String s = string(off, filesz);
                    if (s == null) {
                        warn("interpreter path lies outside the file");
                    } else {
                        interpreter = s;
                    }
                } else if (ptype == PT_DYNAMIC) {
                    dynOff = off;
                    dynSize = filesz;
                }
            }
            if (dynOff >= 0) {
                certain = dynamic(dynOff, dynSize, loads);
            }
            boolean dynamic = hasInterp || !needed.isEmpty();
            if (!dynamic && !certain) {
                return result(true, false);
            }
            return result(true, !dynamic);
        }

        /** Reads the dynamic section; false when it could not be read far enough to be sure about DT_NEEDED. */
        private boolean dynamic(long off, long filesz, List<Load> loads) throws IOException {
            int ent = is64 ? 16 : 8;
            long bytes = Math.min(filesz, MAX_TABLE_BYTES);
            bytes -= bytes % ent;
            if (filesz < 0 || bytes <= 0) {
                warn("empty or invalid dynamic section");
                return false;
            }
            ByteBuffer d = read(off, (int) bytes);
            if (d == null) {
                warn("dynamic section (offset " + Long.toUnsignedString(off) + ") lies outside the file");
                return false;
            }
            List<Long> nameOffsets = new ArrayList<>();
            long strtab = -1;
            long strsz = -1;
            boolean terminated = false;
            for (int p = 0; p + ent <= bytes; p += ent) {
                long tag = is64 ? d.getLong(p) : d.getInt(p);
                long val = is64 ? d.getLong(p + 8) : u32(d, p + 4);
                if (tag == DT_NULL) {
                    terminated = true;
                    break;
                }
                if (tag == DT_NEEDED) {
                    nameOffsets.add(val);
                } else if (tag == DT_STRTAB) {
                    strtab = val;
                } else if (tag == DT_STRSZ) {
                    strsz = val;
                }
            }
            if (!terminated) {
                warn("dynamic section has no DT_NULL terminator");
            }
            if (nameOffsets.isEmpty()) {
                return terminated;
            }
            long strOff = -1;
            for (Load l : loads) {
                if (Long.compareUnsigned(strtab, l.vaddr()) >= 0 && l.filesz() > 0
                        && Long.compareUnsigned(strtab - l.vaddr(), l.filesz()) < 0) {
                    strOff = l.offset() + (strtab - l.vaddr());
                    break;
                }
            }
            if (strOff < 0) {
                warn(nameOffsets.size() + " needed libraries, but their string table is in no loaded segment");
                needed.add("?");
                return true;
            }
            for (long nameOff : nameOffsets) {
                if (needed.size() >= MAX_NEEDED) {
                    warn("more than " + MAX_NEEDED + " needed libraries; the rest were not read");
                    break;
                }
                String name = null;
                if (nameOff >= 0 && (strsz < 0 || nameOff < strsz)) {
                    name = string(strOff + nameOff, MAX_STRING);
                }
                if (name == null || name.isEmpty()) {
                    warn("needed library name at string offset " + Long.toUnsignedString(nameOff) + " is unreadable");
                    needed.add("?");
                } else {
                    needed.add(name);
                }
            }
            return true;
        }

        /** A NUL-terminated string of at most {@code max} bytes at {@code off}; null when outside the file. */
        private @Nullable String string(long off, long max) throws IOException {
            if (off < 0 || off >= size) {
                return null;
            }
            int len = (int) Math.min(Math.min(max, MAX_STRING), size - off);
            if (len <= 0) {
                return null;
            }
            ByteBuffer b = read(off, len);
            if (b == null) {
                return null;
            }
            int n = 0;
            while (n < len && b.get(n) != 0) {
                n++;
            }
            byte[] bytes = new byte[n];
            b.get(0, bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** {@code #!/bin/sh -e}: the interpreter of a script, or nothing. */
        private void script() throws IOException {
            int len = (int) Math.min(size, 256);
            ByteBuffer b = len > 2 ? read(0, len) : null;
            if (b == null || b.get(0) != '#' || b.get(1) != '!') {
                return;
            }
            byte[] bytes = new byte[len - 2];
            b.get(2, bytes);
            String first = new String(bytes, StandardCharsets.UTF_8);
            int nl = first.indexOf('\n');
            if (nl < 0) {
                return;
            }
            List<String> t = HostText.tokens(first.substring(0, nl));
            if (!t.isEmpty()) {
                interpreter = t.get(0);
            }
        }

        /** {@code len} bytes at {@code off}, or null when they are not all inside the file. */
        private @Nullable ByteBuffer read(long off, int len) throws IOException {
            FileChannel c = Objects.requireNonNull(ch);
            if (off < 0 || len < 0 || off > size || len > size - off) {
                return null;
            }
            ByteBuffer b = ByteBuffer.allocate(len).order(order);
            long pos = off;
            while (b.hasRemaining()) {
                int r = c.read(b, pos);
                if (r <= 0) {
                    return null;
                }
                pos += r;
            }
            return b.flip().order(order);
        }

        private static int u16(ByteBuffer b, int at) {
            return Short.toUnsignedInt(b.getShort(at));
        }

        private static long u32(ByteBuffer b, int at) {
            return Integer.toUnsignedLong(b.getInt(at));
        }

        void warn(String message) {
            warnings.add(new ParseWarning(path, 0, message));
        }

        Inspection result(boolean elf, boolean statically) {
            String text = summary;
            if (elf) {
                text += statically ? ", statically linked" : interpreter.isEmpty() ? "" : ", interpreter " + interpreter;
                if (!needed.isEmpty()) {
                    text += ", needs " + String.join(" ", needed);
                }
            }
            BinaryLinkage linkage = new BinaryLinkage(new Provenance(path, 0, text), path, elf, statically,
                    interpreter, needed);
            return new Inspection(linkage, warnings);
        }
    }
}
