package io.smcdoctor.evidence.internal;

/**
 * The few libc socket calls the socket probe needs, without any native types: results are values, failures
 * are negative errno numbers. The production implementation is {@link NativeJnaLibc}; tests use fakes.
 * Implementations never throw for a failing call.
 */
public interface NativeLibc {
    /** The result of a {@code getsockopt} of an int option: {@code errno} 0 means {@code value} is valid. */
    record IntResult(int value, int errno) {
    }

    /** {@code socket(domain, type, protocol)}: the descriptor, or {@code -errno}. */
    int socket(int domain, int type, int protocol);

    /** {@code setsockopt} of an int option: 0, or {@code -errno}. */
    int setsockoptInt(int fd, int level, int name, int value);

    /** {@code setsockopt} of a {@code struct timeval} option (e.g. {@code SO_SNDTIMEO}): 0, or {@code -errno}. */
    int setsockoptTimeval(int fd, int level, int name, long seconds, long micros);

    /** {@code getsockopt} of an int option. */
    IntResult getsockoptInt(int fd, int level, int name);

    /** {@code connect} to a socket address in its C layout ({@link NativeSockaddr}): 0, or {@code -errno}. */
    int connect(int fd, byte[] sockaddr);

    /** {@code close(fd)}: 0, or {@code -errno}. */
    int close(int fd);
}
