package io.smcdoctor.evidence.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes tiny hand-made ELF images for the {@link ElfInspector} tests: an ELF header, program headers
 * ({@code PT_LOAD} covering the file, optional {@code PT_INTERP} and {@code PT_DYNAMIC}) and a dynamic section
 * with {@code DT_NEEDED}/{@code DT_STRTAB}/{@code DT_STRSZ}. Not runnable programs, but byte-exact headers.
 */
final class ElfImages {
    static final int ET_EXEC = 2;
    static final int ET_DYN = 3;

    private ElfImages() {
    }

    /**
     * An image.
     *
     * @param is64        64-bit (else 32-bit)
     * @param bigEndian   MSB (else LSB)
     * @param type        {@link #ET_EXEC} or {@link #ET_DYN}
     * @param interpreter PT_INTERP path, or "" for none
     * @param dynamic     whether a PT_DYNAMIC segment is present
     * @param needed      DT_NEEDED names (only with {@code dynamic})
     */
    static byte[] image(boolean is64, boolean bigEndian, int type, String interpreter, boolean dynamic,
                        List<String> needed) {
        ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        int ehsize = is64 ? 64 : 52;
        int phentsize = is64 ? 56 : 32;
        int dynent = is64 ? 16 : 8;
        int phnum = 1 + (interpreter.isEmpty() ? 0 : 1) + (dynamic ? 1 : 0);
        long base = type == ET_EXEC ? 0x400000 : 0;

        // data area after the program headers: interpreter, dynstr, dynamic
        ByteArrayOutputStream strtab = new ByteArrayOutputStream();
        strtab.write(0);
        int[] nameOffsets = new int[needed.size()];
        for (int i = 0; i < needed.size(); i++) {
            nameOffsets[i] = strtab.size();
            strtab.writeBytes(needed.get(i).getBytes(StandardCharsets.US_ASCII));
            strtab.write(0);
        }
        byte[] interp = interpreter.isEmpty() ? new byte[0]
                : (interpreter + "\0").getBytes(StandardCharsets.US_ASCII);
        int interpOff = ehsize + phnum * phentsize;
        int strOff = interpOff + interp.length;
        int dynOff = align(strOff + strtab.size(), 8);
        int dynCount = dynamic ? needed.size() + 3 : 0;
        int total = dynOff + dynCount * dynent;

        ByteBuffer b = ByteBuffer.allocate(total).order(order);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), (byte) (bigEndian ? 2 : 1), 1, 0});
        b.position(16);
        b.putShort((short) type);
        b.putShort((short) (is64 ? 62 : 3)); // x86-64 / i386 (the inspector ignores the machine)
        b.putInt(1);
        if (is64) {
            b.putLong(base + 0x1000);
            b.putLong(ehsize);
            b.putLong(0);
            b.putInt(0);
        } else {
            b.putInt((int) (base + 0x1000));
            b.putInt(ehsize);
            b.putInt(0);
            b.putInt(0);
        }
        b.putShort((short) ehsize);
        b.putShort((short) phentsize);
        b.putShort((short) phnum);
        b.putShort((short) (is64 ? 64 : 40));
        b.putShort((short) 0);
        b.putShort((short) 0);

        int ph = ehsize;
        ph = programHeader(b, is64, ph, 1, 0, base, total);
        if (!interpreter.isEmpty()) {
            ph = programHeader(b, is64, ph, 3, interpOff, base + interpOff, interp.length);
        }
        if (dynamic) {
            programHeader(b, is64, ph, 2, dynOff, base + dynOff, (long) dynCount * dynent);
        }
        b.position(interpOff);
        b.put(interp);
        b.position(strOff);
        b.put(strtab.toByteArray());
        b.position(dynOff);
        if (dynamic) {
            for (int off : nameOffsets) {
                dyn(b, is64, 1, off);
            }
            dyn(b, is64, 5, base + strOff);
            dyn(b, is64, 10, strtab.size());
            dyn(b, is64, 0, 0);
        }
        return b.array();
    }

    private static int programHeader(ByteBuffer b, boolean is64, int at, int type, long offset, long vaddr, long size) {
        b.position(at);
        if (is64) {
            b.putInt(type);
            b.putInt(4);
            b.putLong(offset);
            b.putLong(vaddr);
            b.putLong(vaddr);
            b.putLong(size);
            b.putLong(size);
            b.putLong(8);
            return at + 56;
        }
        b.putInt(type);
        b.putInt((int) offset);
        b.putInt((int) vaddr);
        b.putInt((int) vaddr);
        b.putInt((int) size);
        b.putInt((int) size);
        b.putInt(4);
        b.putInt(4);
        return at + 32;
    }

    private static void dyn(ByteBuffer b, boolean is64, long tag, long val) {
        if (is64) {
            b.putLong(tag);
            b.putLong(val);
        } else {
            b.putInt((int) tag);
            b.putInt((int) val);
        }
    }

    private static int align(int v, int a) {
        return (v + a - 1) / a * a;
    }
}
