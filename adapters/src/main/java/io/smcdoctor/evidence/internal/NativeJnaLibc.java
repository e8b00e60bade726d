package io.smcdoctor.evidence.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * {@link NativeLibc} over the C library through JNA. Only JNA-owned memory of exactly the size the kernel
 * expects is passed to native code, so a wrong argument yields an errno, never a crash. Thread-safe.
 */
public final class NativeJnaLibc implements NativeLibc {
    /** The JNA mapping of the libc functions used; errno arrives as {@link LastErrorException}. */
    public interface CLibrary extends Library {
        /** socket(2). */
        int socket(int domain, int type, int protocol) throws LastErrorException;

        /** setsockopt(2). */
        int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException;

        /** getsockopt(2). */
        int getsockopt(int fd, int level, int name, Pointer value, IntByReference length) throws LastErrorException;

        /** connect(2). */
        int connect(int fd, Pointer address, int length) throws LastErrorException;

        /** close(2). */
        int close(int fd) throws LastErrorException;
    }

    private final CLibrary c;

    private NativeJnaLibc(CLibrary c) {
        this.c = c;
    }

    /**
     * Loads libc.
     *
     * @throws UnsatisfiedLinkError when JNA or libc cannot be loaded (callers report the probe as unavailable)
     */
    public static NativeJnaLibc load() {
        return new NativeJnaLibc(Native.load("c", CLibrary.class));
    }

    @Override
    public int socket(int domain, int type, int protocol) {
        try {
            return c.socket(domain, type, protocol);
        } catch (LastErrorException e) {
            return -errno(e);
        }
    }

    @Override
    public int setsockoptInt(int fd, int level, int name, int value) {
        try (Memory m = new Memory(Integer.BYTES)) {
            m.setInt(0, value);
            return c.setsockopt(fd, level, name, m, Integer.BYTES);
        } catch (LastErrorException e) {
            return -errno(e);
        }
    }

    @Override
    public int setsockoptTimeval(int fd, int level, int name, long seconds, long micros) {
        int size = 2 * NativeLong.SIZE;
        try (Memory m = new Memory(size)) {
            m.setNativeLong(0, new NativeLong(seconds));
            m.setNativeLong(NativeLong.SIZE, new NativeLong(micros));
            return c.setsockopt(fd, level, name, m, size);
        } catch (LastErrorException e) {
            return -errno(e);
        }
    }

    @Override
    public IntResult getsockoptInt(int fd, int level, int name) {
        try (Memory m = new Memory(Integer.BYTES)) {
            m.setInt(0, 0);
            IntByReference len = new IntByReference(Integer.BYTES);
            c.getsockopt(fd, level, name, m, len);
            return new IntResult(m.getInt(0), 0);
        } catch (LastErrorException e) {
            return new IntResult(0, errno(e));
        }
    }

    @Override
    public int connect(int fd, byte[] sockaddr) {
        try (Memory m = new Memory(sockaddr.length)) {
            m.write(0, sockaddr, 0, sockaddr.length);
            return c.connect(fd, m, sockaddr.length);
        } catch (LastErrorException e) {
            return -errno(e);
        }
    }

    @Override
    public int close(int fd) {
        try {
            return c.close(fd);
        } catch (LastErrorException e) {
            return -errno(e);
        }
    }

    private static int errno(LastErrorException e) {
        int n = e.getErrorCode();
        return n > 0 ? n : 5; // EIO when libc did not set errno
    }
}
