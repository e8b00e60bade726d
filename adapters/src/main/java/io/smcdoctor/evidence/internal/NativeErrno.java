package io.smcdoctor.evidence.internal;

import java.util.Map;

/** Linux errno numbers (asm-generic, valid for x86_64 and arm64) and their names, for probe reports. */
public final class NativeErrno {
    /** Address family not supported by protocol: no SMC in this kernel. */
    public static final int EAFNOSUPPORT = 97;
    /** Protocol not supported. */
    public static final int EPROTONOSUPPORT = 93;
    /** Socket type not supported. */
    public static final int ESOCKTNOSUPPORT = 94;
    /** Operation not permitted. */
    public static final int EPERM = 1;
    /** Permission denied. */
    public static final int EACCES = 13;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "EPERM"), Map.entry(2, "ENOENT"), Map.entry(4, "EINTR"), Map.entry(5, "EIO"),
            Map.entry(6, "ENXIO"), Map.entry(7, "E2BIG"), Map.entry(9, "EBADF"),
            Map.entry(11, "EAGAIN"), Map.entry(12, "ENOMEM"), Map.entry(13, "EACCES"), Map.entry(14, "EFAULT"),
            Map.entry(16, "EBUSY"), Map.entry(19, "ENODEV"), Map.entry(22, "EINVAL"), Map.entry(23, "ENFILE"),
            Map.entry(24, "EMFILE"), Map.entry(32, "EPIPE"), Map.entry(34, "ERANGE"), Map.entry(38, "ENOSYS"),
            Map.entry(61, "ENODATA"), Map.entry(71, "EPROTO"), Map.entry(75, "EOVERFLOW"), Map.entry(88, "ENOTSOCK"),
            Map.entry(89, "EDESTADDRREQ"), Map.entry(90, "EMSGSIZE"), Map.entry(91, "EPROTOTYPE"),
            Map.entry(92, "ENOPROTOOPT"), Map.entry(93, "EPROTONOSUPPORT"), Map.entry(94, "ESOCKTNOSUPPORT"),
            Map.entry(95, "EOPNOTSUPP"), Map.entry(97, "EAFNOSUPPORT"), Map.entry(98, "EADDRINUSE"),
            Map.entry(99, "EADDRNOTAVAIL"), Map.entry(100, "ENETDOWN"), Map.entry(101, "ENETUNREACH"),
            Map.entry(103, "ECONNABORTED"), Map.entry(104, "ECONNRESET"), Map.entry(105, "ENOBUFS"),
            Map.entry(106, "EISCONN"), Map.entry(107, "ENOTCONN"), Map.entry(110, "ETIMEDOUT"),
            Map.entry(111, "ECONNREFUSED"), Map.entry(113, "EHOSTUNREACH"), Map.entry(114, "EALREADY"),
            Map.entry(108, "ESHUTDOWN"), Map.entry(112, "EHOSTDOWN"), Map.entry(115, "EINPROGRESS"),
            // kernel-internal, but setsockopt can return it to user space (include/linux/errno.h)
            Map.entry(524, "ENOTSUPP"));

    private NativeErrno() {
    }

    /** The symbolic name of an errno ({@code EAFNOSUPPORT}); {@code ""} for 0, {@code errno N} if unknown. */
    public static String name(int errno) {
        if (errno == 0) {
            return "";
        }
        return NAMES.getOrDefault(errno, "errno " + errno);
    }
}
