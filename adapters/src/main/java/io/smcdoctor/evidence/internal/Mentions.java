package io.smcdoctor.evidence.internal;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.evidence.facts.Fact;
import io.smcdoctor.evidence.facts.MentionedCode;
import io.smcdoctor.evidence.facts.MentionedErrno;
import io.smcdoctor.evidence.facts.MentionedKernel;
import io.smcdoctor.evidence.facts.MentionedPort;
import io.smcdoctor.evidence.facts.Provenance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what the user's own words name (symptom text, the prose of a paste): reason codes, errno names and messages,
 * ports and kernel releases, as {@link MentionedCode}, {@link MentionedErrno}, {@link MentionedPort} and
 * {@link MentionedKernel} facts. Constant and stats names are mapped to codes through the bundled catalog's
 * {@code name} and {@code statsName} ({@link Catalog#reasonCodes()}), loaded only when a line holds such a word.
 * At most {@link #MAX_PER_LINE} facts per line.
 */
final class Mentions {
    static final int MAX_PER_LINE = 16;

    /** {@code 0x} with 7 or 8 hex digits, optionally {@code /0x...} (local/peer pair as smcss prints it). */
    private static final Pattern HEX_CODE = Pattern.compile(
            "(?<![0-9A-Za-z_])0[xX]([0-9a-fA-F]{7,8})(?:\\s*/\\s*0[xX]([0-9a-fA-F]{7,8}))?(?![0-9A-Za-z_])");
    /** 7 or 8 bare hex digits with at least one digit 1-9 (a code the user typed without 0x). */
    private static final Pattern BARE_CODE = Pattern.compile(
            "(?<![0-9A-Za-z_.:/-])([0-9a-fA-F]{7,8})(?:\\s*/\\s*([0-9a-fA-F]{7,8}))?(?![0-9A-Za-z_.:/-])");
    private static final Pattern CODE_CONTEXT = Pattern.compile(
            "(?i)\\b(?:code|reason|rsn|decline[ds]?|fallback|fall back|clc|smcss|TCP|errno|peer)\\b");
    private static final Pattern WORD = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b");
    private static final Pattern PORT = Pattern.compile(
            "(?i)\\b(ports?|bind(?:s|ing)?|listen(?:s|ing)?(?: on)?|connect(?:s|ing)?(?: to)?)\\s*(?:=|:|#|no\\.?|number)?\\s*"
                    + "(\\d{1,5})(?![.:\\d])(?:\\s*(?:-|~|to|\\.\\.)\\s*(\\d{1,5})(?![.:\\d]))?");
    private static final Pattern ADDRESS_PORT = Pattern.compile(
            "(?<![\\w.:])(?:\\d{1,3}\\.){3}\\d{1,3}:(\\d{1,5})\\b|\\[[0-9a-fA-F:.]+\\]:(\\d{1,5})\\b");
    private static final Pattern RELEASE_SUFFIXED = Pattern.compile(
            "(?<![\\w.])v?([2-7]\\.\\d{1,2}(?:\\.\\d{1,3})?-[0-9A-Za-z][\\w.+~-]*[0-9A-Za-z+])");
    private static final Pattern RELEASE_AFTER_WORD = Pattern.compile(
            "(?i)\\b(?:kernel|linux|uname -r:?|release)(?: version)?\\s*:?\\s*v?([2-7]\\.\\d{1,2}(?:\\.\\d{1,3})?(?:[-+][\\w.+~]*)?)(?![\\w.])");
    /** Errno names (Linux {@code include/uapi/asm-generic/errno-base.h}, {@code errno.h}) and glibc's messages. */
    private static final Map<String, String> ERRNO_MESSAGES = Map.ofEntries(
            Map.entry("operation not permitted", "EPERM"),
            Map.entry("no such file or directory", "ENOENT"),
            Map.entry("interrupted system call", "EINTR"),
            Map.entry("input/output error", "EIO"),
            Map.entry("bad file descriptor", "EBADF"),
            Map.entry("resource temporarily unavailable", "EAGAIN"),
            Map.entry("cannot allocate memory", "ENOMEM"),
            Map.entry("permission denied", "EACCES"),
            Map.entry("device or resource busy", "EBUSY"),
            Map.entry("no such device", "ENODEV"),
            Map.entry("invalid argument", "EINVAL"),
            Map.entry("too many open files", "EMFILE"),
            Map.entry("no space left on device", "ENOSPC"),
            Map.entry("broken pipe", "EPIPE"),
            Map.entry("protocol error", "EPROTO"),
            Map.entry("protocol not available", "ENOPROTOOPT"),
            Map.entry("protocol not supported", "EPROTONOSUPPORT"),
            Map.entry("socket type not supported", "ESOCKTNOSUPPORT"),
            Map.entry("operation not supported", "EOPNOTSUPP"),
            Map.entry("protocol family not supported", "EPFNOSUPPORT"),
            Map.entry("address family not supported by protocol", "EAFNOSUPPORT"),
            Map.entry("address already in use", "EADDRINUSE"),
            Map.entry("cannot assign requested address", "EADDRNOTAVAIL"),
            Map.entry("network is down", "ENETDOWN"),
            Map.entry("network is unreachable", "ENETUNREACH"),
            Map.entry("connection reset by peer", "ECONNRESET"),
            Map.entry("no buffer space available", "ENOBUFS"),
            Map.entry("transport endpoint is not connected", "ENOTCONN"),
            Map.entry("connection timed out", "ETIMEDOUT"),
            Map.entry("connection refused", "ECONNREFUSED"),
            Map.entry("no route to host", "EHOSTUNREACH"),
            Map.entry("operation now in progress", "EINPROGRESS"),
            Map.entry("operation already in progress", "EALREADY"),
            Map.entry("message too long", "EMSGSIZE"),
            Map.entry("software caused connection abort", "ECONNABORTED"));
    private static final Set<String> ERRNO_NAMES = Set.of("EPERM", "ENOENT", "EINTR", "EIO", "EBADF", "EAGAIN",
            "EWOULDBLOCK", "ENOMEM", "EACCES", "EFAULT", "EBUSY", "EEXIST", "ENODEV", "EINVAL", "EMFILE", "ENOSPC",
            "EPIPE", "EPROTO", "ENOPROTOOPT", "EPROTONOSUPPORT", "ESOCKTNOSUPPORT", "EOPNOTSUPP", "ENOTSUPP",
            "EPFNOSUPPORT", "EAFNOSUPPORT", "EADDRINUSE", "EADDRNOTAVAIL", "ENETDOWN", "ENETUNREACH", "ECONNRESET",
            "ECONNABORTED", "ENOBUFS", "EISCONN", "ENOTCONN", "ETIMEDOUT", "ECONNREFUSED", "EHOSTUNREACH",
            "EHOSTDOWN", "EINPROGRESS", "EALREADY", "EMSGSIZE", "ENOTSOCK", "EDESTADDRREQ", "ENOSYS", "ENXIO");
    /** Code names that are also ordinary words in upper-case prose: never taken for a code. */
    private static final Set<String> ORDINARY = Set.of("MEMORY", "ACTIVE", "TIMEOUT", "MEM", "IPSEC", "PEERDECL",
            "REPLY", "SEND", "TCL");

    private Mentions() {
    }

    /** The catalog's code names: constant ({@code SMC_CLC_DECL_NOSMCDEV}), short ({@code NOSMCDEV}) and stats names. */
    private static final class Names {
        static final Map<String, Integer> CODES = load();

        private static Map<String, Integer> load() {
            Map<String, Integer> m = new HashMap<>();
            for (ReasonCode rc : Catalog.bundled().reasonCodes()) {
                if (!rc.name().isEmpty()) {
                    m.putIfAbsent(rc.name(), rc.code());
                    String shortName = rc.name().startsWith("SMC_CLC_DECL_") ? rc.name().substring(13) : rc.name();
                    m.putIfAbsent(shortName, rc.code());
                }
                if (!rc.statsName().isEmpty()) {
                    m.putIfAbsent(rc.statsName(), rc.code());
                }
            }
            return Map.copyOf(m);
        }
    }

    /** Adds the mentions of one line of the user's text to {@code ctx}. */
    static void scan(ParseContext ctx, int line, String text) {
        scan(ctx.at(line, text), text, ctx::add);
    }

    /** The mentions of one line, each citing {@code at}. */
    static List<Fact> scan(Provenance at, String text) {
        List<Fact> out = new ArrayList<>();
        scan(at, text, out::add);
        return out;
    }

    private static void scan(Provenance at, String text, Consumer<Fact> sink) {
        if (text.isBlank() || text.length() > 4096) {
            return;
        }
        int[] budget = {MAX_PER_LINE};
        Consumer<Fact> out = f -> {
            if (budget[0]-- > 0) {
                sink.accept(f);
            }
        };
        Set<Integer> seen = new HashSet<>();
        codes(at, text, out, seen);
        names(at, text, out, seen);
        errnos(at, text, out);
        ports(at, text, out);
        kernels(at, text, out);
    }

    private static void codes(Provenance at, String text, Consumer<Fact> out, Set<Integer> seen) {
        boolean any = false;
        if (text.indexOf('0') >= 0) {
            Matcher m = HEX_CODE.matcher(text);
            while (m.find()) {
                long code = Long.parseLong(m.group(1), 16);
                long peer = m.group(2) == null ? 0 : Long.parseLong(m.group(2), 16);
                if (isCode(code) && (peer == 0 || isCode(peer)) && seen.add((int) code ^ (int) (peer * 31))) {
                    out.accept(new MentionedCode(at, (int) code, (int) peer, m.group(), false));
                    any = true;
                }
            }
        }
        if (!any && CODE_CONTEXT.matcher(text).find()) {
            Matcher m = BARE_CODE.matcher(text);
            while (m.find()) {
                long code = Long.parseLong(m.group(1), 16);
                long peer = m.group(2) == null ? 0 : Long.parseLong(m.group(2), 16);
                if (sparse(m.group(1)) && isCode(code) && (peer == 0 || isCode(peer) && sparse(m.group(2)))
                        && seen.add((int) code ^ (int) (peer * 31))) {
                    out.accept(new MentionedCode(at, (int) code, (int) peer, m.group(), false));
                }
            }
        }
    }

    /** Reason codes live in 0x01000000-0x09ffffff (classes 1 MEM ... 9 internal errors). */
    private static boolean isCode(long v) {
        return v >= 0x01000000L && v <= 0x09ffffffL;
    }

    /** Reason codes are sparse (0x03030000, 0x09990004): at most 4 digits other than 0. */
    private static boolean sparse(String hex) {
        int nonZero = 0;
        for (int i = 0; i < hex.length(); i++) {
            if (hex.charAt(i) != '0') {
                nonZero++;
            }
        }
        return nonZero <= 4 && hex.chars().anyMatch(Character::isDigit);
    }

    private static void names(Provenance at, String text, Consumer<Fact> out, Set<Integer> seen) {
        if (!hasUpperWordWithUnderscoreOrNo(text)) {
            return;
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (w.length() < 5 || ORDINARY.contains(w) || (w.indexOf('_') < 0 && !w.startsWith("NO"))) {
                continue; // short words and words without '_' (except NOSMCDEV-style names) are too ambiguous
            }
            Integer code = Names.CODES.get(w);
            if (code != null && seen.add(code)) {
                out.accept(new MentionedCode(at, code, 0, w, true));
            }
        }
    }

    private static boolean hasUpperWordWithUnderscoreOrNo(String text) {
        return text.contains("SMC_CLC_DECL_") || text.contains("_") || text.contains("NO");
    }

    private static void errnos(Provenance at, String text, Consumer<Fact> out) {
        Set<String> found = new HashSet<>();
        if (text.indexOf('E') >= 0) {
            Matcher m = WORD.matcher(text);
            while (m.find()) {
                String w = m.group();
                if (w.length() >= 4 && w.charAt(0) == 'E' && ERRNO_NAMES.contains(w) && found.add(w)) {
                    out.accept(new MentionedErrno(at, w, w));
                }
            }
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : ERRNO_MESSAGES.entrySet()) {
            int i = lower.indexOf(e.getKey());
            if (i >= 0 && found.add(e.getValue())) {
                out.accept(new MentionedErrno(at, e.getValue(), text.substring(i, i + e.getKey().length())));
            }
        }
    }

    private static void ports(Provenance at, String text, Consumer<Fact> out) {
        Matcher m = PORT.matcher(text);
        Set<Integer> seen = new HashSet<>();
        while (m.find()) {
            int first = Integer.parseInt(m.group(2));
            int last = m.group(3) == null ? first : Integer.parseInt(m.group(3));
            if (first > 65535 || last > 65535 || last < first || !seen.add(first)) {
                continue;
            }
            String word = m.group(1).toLowerCase(Locale.ROOT);
            String context = word.startsWith("port") ? "port" : word.startsWith("bind") ? "bind"
                    : word.startsWith("listen") ? "listen" : "connect";
            out.accept(new MentionedPort(at, first, last, context, m.group()));
        }
        m = ADDRESS_PORT.matcher(text);
        while (m.find()) {
            String p = m.group(1) != null ? m.group(1) : m.group(2);
            int port = Integer.parseInt(p);
            if (port <= 65535 && seen.add(port)) {
                out.accept(new MentionedPort(at, port, port, "address", m.group()));
            }
        }
    }

    private static void kernels(Provenance at, String text, Consumer<Fact> out) {
        if (text.indexOf('.') < 0) {
            return;
        }
        Set<String> seen = new HashSet<>();
        Matcher m = RELEASE_SUFFIXED.matcher(text);
        while (m.find()) {
            String r = m.group(1);
            if (seen.add(r)) {
                out.accept(new MentionedKernel(at, r, m.group()));
            }
        }
        m = RELEASE_AFTER_WORD.matcher(text);
        while (m.find()) {
            String r = m.group(1);
            if (seen.add(r)) {
                out.accept(new MentionedKernel(at, r, m.group()));
            }
        }
    }
}
