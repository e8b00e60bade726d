package io.smcdoctor.lint;

import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.lint.SourceScanner.SourceLanguage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds socket-option uses in masked source text (see {@link CodeMask}), per language. Stateless; all patterns
 * are compiled once.
 */
final class Extractor {
    /** C, C++, Rust libc: {@code setsockopt(fd, level, name, ...)}. */
    private static final Pattern C_CALL = Pattern.compile("\\b(setsockopt|getsockopt)\\s*\\(");
    /** Python: {@code sock.setsockopt(level, name, value)}. */
    private static final Pattern PY_CALL = Pattern.compile("\\.\\s*(setsockopt|getsockopt)\\s*\\(");
    /** Go: {@code unix.SetsockoptInt(fd, level, name, value)}. */
    private static final Pattern GO_CALL = Pattern.compile("\\b(?:syscall|unix)\\s*\\.\\s*([SG]etsockopt\\w*)\\s*\\(");
    /** Send calls whose flags may hold MSG_FASTOPEN, in every language. */
    private static final Pattern SEND_CALL = Pattern.compile(
            "\\b(send|sendto|sendmsg|sendmmsg|Sendto|Sendmsg|SendmsgN|send_to|send_with_flags|send_to_with_flags)\\s*\\(");
    private static final Pattern MSG_FASTOPEN = Pattern.compile("\\bMSG_FASTOPEN\\b");
    /** Java: option constants of the JDK and Netty. */
    private static final Pattern JAVA_CONST = Pattern.compile(
            "\\b(StandardSocketOptions|ExtendedSocketOptions|ChannelOption|EpollChannelOption|IoUringChannelOption"
            + "|NioChannelOption|UnixChannelOption)\\s*\\.\\s*([A-Z][A-Z0-9_]*)\\b");
    private static final Pattern JAVA_GETTER_BEFORE = Pattern.compile("\\b(getOption|getSocketOption)\\s*\\(\\s*$");
    /** Java: java.net.Socket / Netty config setters. */
    private static final Pattern JAVA_SETTER = Pattern.compile(
            "\\.\\s*(setKeepAlive|setOOBInline|setTcpNoDelay|setSoLinger|setReuseAddress|setSendBufferSize"
            + "|setReceiveBufferSize)\\s*\\(");
    private static final Map<String, String> JAVA_SETTERS = Map.of(
            "setKeepAlive", "SO_KEEPALIVE", "setOOBInline", "SO_OOBINLINE", "setTcpNoDelay", "TCP_NODELAY",
            "setSoLinger", "SO_LINGER", "setReuseAddress", "SO_REUSEADDR", "setSendBufferSize", "SO_SNDBUF",
            "setReceiveBufferSize", "SO_RCVBUF");
    /** Java constant names that differ from the Linux names. */
    private static final Map<String, String> JAVA_NAMES = Map.of(
            "TCP_KEEPINTERVAL", "TCP_KEEPINTVL", "TCP_KEEPCOUNT", "TCP_KEEPCNT", "SO_TIMEOUT", "");
    /** Go: net.TCPConn setters. */
    private static final Pattern GO_METHOD = Pattern.compile(
            "\\.\\s*(SetKeepAlive|SetKeepAlivePeriod|SetNoDelay|SetLinger|SetReadBuffer|SetWriteBuffer)\\s*\\(");
    private static final Map<String, String> GO_METHODS = Map.of(
            "SetKeepAlive", "SO_KEEPALIVE", "SetKeepAlivePeriod", "TCP_KEEPIDLE", "SetNoDelay", "TCP_NODELAY",
            "SetLinger", "SO_LINGER", "SetReadBuffer", "SO_RCVBUF", "SetWriteBuffer", "SO_SNDBUF");
    /** Rust: socket2 / std / tokio setters. */
    private static final Pattern RUST_METHOD = Pattern.compile("\\.\\s*(set_\\w+|bind_device\\w*)\\s*\\(");
    private static final Map<String, String> RUST_METHODS = Map.ofEntries(
            Map.entry("set_nodelay", "TCP_NODELAY"), Map.entry("set_tcp_nodelay", "TCP_NODELAY"),
            Map.entry("set_keepalive", "SO_KEEPALIVE"), Map.entry("set_tcp_keepalive", "TCP_KEEPIDLE"),
            Map.entry("set_reuse_address", "SO_REUSEADDR"), Map.entry("set_reuse_port", "SO_REUSEPORT"),
            Map.entry("set_linger", "SO_LINGER"), Map.entry("set_tcp_user_timeout", "TCP_USER_TIMEOUT"),
            Map.entry("set_mark", "SO_MARK"), Map.entry("bind_device", "SO_BINDTODEVICE"),
            Map.entry("bind_device_by_index_v4", "SO_BINDTOIFINDEX"),
            Map.entry("bind_device_by_index_v6", "SO_BINDTOIFINDEX"),
            Map.entry("set_cork", "TCP_CORK"), Map.entry("set_tcp_cork", "TCP_CORK"),
            Map.entry("set_quickack", "TCP_QUICKACK"), Map.entry("set_tcp_quickack", "TCP_QUICKACK"),
            Map.entry("set_tcp_notsent_lowat", "TCP_NOTSENT_LOWAT"),
            Map.entry("set_thin_linear_timeouts", "TCP_THIN_LINEAR_TIMEOUTS"),
            Map.entry("set_tcp_thin_linear_timeouts", "TCP_THIN_LINEAR_TIMEOUTS"),
            Map.entry("set_tcp_congestion", "TCP_CONGESTION"), Map.entry("set_priority", "SO_PRIORITY"),
            Map.entry("set_send_buffer_size", "SO_SNDBUF"), Map.entry("set_recv_buffer_size", "SO_RCVBUF"),
            Map.entry("set_broadcast", "SO_BROADCAST"), Map.entry("set_out_of_band_inline", "SO_OOBINLINE"),
            Map.entry("set_mss", "TCP_MAXSEG"), Map.entry("set_busy_poll", "SO_BUSY_POLL"),
            Map.entry("set_read_timeout", "SO_RCVTIMEO"), Map.entry("set_write_timeout", "SO_SNDTIMEO"),
            Map.entry("set_zerocopy", "SO_ZEROCOPY"), Map.entry("set_tcp_maxseg", "TCP_MAXSEG"));
    /** An argument that is a (qualified, possibly cast) constant or a number. */
    private static final Pattern SIMPLE_ARG = Pattern.compile(
            "^(?:\\(\\s*[A-Za-z_][\\w:]*\\s*\\)\\s*)?(?:[A-Za-z_]\\w*\\s*(?:\\.|::)\\s*)*"
            + "([A-Za-z_]\\w*|0[xX][0-9a-fA-F]+|\\d+)(?:\\s+as\\s+\\w+)?$");
    private static final Pattern IMPORT_LINE = Pattern.compile("^\\s*import\\b");
    /** Java: {@code import static java.net.StandardSocketOptions.TCP_NODELAY;} or {@code ...ChannelOption.*;}. */
    private static final Pattern JAVA_STATIC_IMPORT = Pattern.compile(
            "(?m)^\\s*import\\s+static\\s+[\\w.]*\\b(?:StandardSocketOptions|ExtendedSocketOptions|ChannelOption"
            + "|EpollChannelOption|IoUringChannelOption|NioChannelOption|UnixChannelOption)\\s*\\.\\s*([A-Z][A-Z0-9_]*|\\*)\\s*;");
    /** Java: a statically imported option passed bare to a setter/getter: {@code .option(TCP_NODELAY, true)}. */
    private static final Pattern JAVA_BARE_OPTION = Pattern.compile(
            "\\.\\s*(option|childOption|setOption|getOption)\\s*\\(\\s*([A-Z][A-Z0-9_]*)\\s*[,)]");

    private Extractor() {
    }

    static List<Hit> extract(String masked, SourceLanguage language) {
        List<Hit> hits = new ArrayList<>();
        switch (language) {
            case C:
            case CPP:
                sockoptCalls(masked, C_CALL, 1, hits);
                break;
            case RUST:
                sockoptCalls(masked, C_CALL, 1, hits);
                methods(masked, RUST_METHOD, RUST_METHODS, hits);
                break;
            case PYTHON:
                sockoptCalls(masked, PY_CALL, 0, hits);
                break;
            case GO:
                sockoptCalls(masked, GO_CALL, 1, hits);
                methods(masked, GO_METHOD, GO_METHODS, hits);
                break;
            case JAVA:
                javaConstants(masked, hits);
                javaStaticImports(masked, hits);
                methods(masked, JAVA_SETTER, JAVA_SETTERS, hits);
                break;
            default:
                break;
        }
        if (language != SourceLanguage.JAVA) {
            sendFlags(masked, hits);
        }
        return hits;
    }

    private static void sockoptCalls(String m, Pattern call, int levelIndex, List<Hit> hits) {
        Matcher mt = call.matcher(m);
        while (mt.find()) {
            LintFinding.Usage usage = mt.group(1).toLowerCase(Locale.ROOT).startsWith("get")
                    ? LintFinding.Usage.GET : LintFinding.Usage.SET;
            List<int[]> args = arguments(m, mt.end());
            if (args.size() <= levelIndex + 1) {
                continue;
            }
            int[] levelArg = args.get(levelIndex);
            int[] nameArg = args.get(levelIndex + 1);
            Optional<String> levelTok = simpleToken(m, levelArg);
            Optional<String> nameTok = simpleToken(m, nameArg);
            if (levelTok.isEmpty() || nameTok.isEmpty()) {
                continue;
            }
            SockoptLevel level = level(levelTok.get());
            if (level == null && otherLevel(levelTok.get())) {
                continue;
            }
            String name = nameTok.get();
            int start = trimStart(m, nameArg);
            String symbol = m.substring(start, trimEnd(m, nameArg)).strip();
            if (Character.isDigit(name.charAt(0))) {
                if (level == null) {
                    continue;
                }
                hits.add(new Hit(start, usage, level, "", parseInt(name), symbol));
            } else {
                hits.add(new Hit(start, usage, level, name, Hit.NO_VALUE, symbol));
            }
        }
    }

    private static void sendFlags(String m, List<Hit> hits) {
        Matcher mt = SEND_CALL.matcher(m);
        while (mt.find()) {
            List<int[]> args = arguments(m, mt.end());
            if (args.isEmpty()) {
                continue;
            }
            int from = args.get(0)[0];
            int to = args.get(args.size() - 1)[1];
            Matcher f = MSG_FASTOPEN.matcher(m).region(from, to);
            while (f.find()) {
                int start = qualifiedStart(m, f.start());
                hits.add(new Hit(start, LintFinding.Usage.SEND_FLAG, SockoptLevel.SOL_TCP, "MSG_FASTOPEN",
                        Hit.NO_VALUE, m.substring(start, f.end())));
            }
        }
    }

    private static void javaConstants(String m, List<Hit> hits) {
        Matcher mt = JAVA_CONST.matcher(m);
        while (mt.find()) {
            int lineStart = m.lastIndexOf('\n', mt.start()) + 1;
            if (IMPORT_LINE.matcher(m.substring(lineStart, mt.start())).find()) {
                continue;
            }
            String name = JAVA_NAMES.getOrDefault(mt.group(2), mt.group(2));
            if (name.isEmpty()) {
                continue;
            }
            boolean get = JAVA_GETTER_BEFORE.matcher(m.substring(Math.max(0, mt.start() - 40), mt.start())).find();
            hits.add(new Hit(mt.start(), get ? LintFinding.Usage.GET : LintFinding.Usage.SET, null, name,
                    Hit.NO_VALUE, mt.group().replaceAll("\\s+", "")));
        }
    }

    /** Options imported statically and then used bare, e.g. {@code b.option(TCP_FASTOPEN_CONNECT, true)}. */
    private static void javaStaticImports(String m, List<Hit> hits) {
        Set<String> imported = new HashSet<>();
        boolean wildcard = false;
        Matcher imp = JAVA_STATIC_IMPORT.matcher(m);
        while (imp.find()) {
            if (imp.group(1).equals("*")) {
                wildcard = true;
            } else {
                imported.add(imp.group(1));
            }
        }
        if (imported.isEmpty() && !wildcard) {
            return;
        }
        Matcher mt = JAVA_BARE_OPTION.matcher(m);
        while (mt.find()) {
            String raw = mt.group(2);
            if (!wildcard && !imported.contains(raw)) {
                continue;
            }
            String name = JAVA_NAMES.getOrDefault(raw, raw);
            if (!name.isEmpty()) {
                LintFinding.Usage usage = mt.group(1).equals("getOption") ? LintFinding.Usage.GET : LintFinding.Usage.SET;
                hits.add(new Hit(mt.start(2), usage, null, name, Hit.NO_VALUE, raw));
            }
        }
    }

    private static void methods(String m, Pattern p, Map<String, String> names, List<Hit> hits) {
        Matcher mt = p.matcher(m);
        while (mt.find()) {
            String option = names.get(mt.group(1));
            if (option != null) {
                hits.add(new Hit(mt.start(1), LintFinding.Usage.SET, null, option, Hit.NO_VALUE, mt.group(1)));
            }
        }
    }

    /** Top-level argument spans [start, end) of a call whose '(' ends just before {@code from}. */
    static List<int[]> arguments(String m, int from) {
        List<int[]> args = new ArrayList<>();
        int depth = 0;
        int start = from;
        int limit = Math.min(m.length(), from + 4000);
        for (int i = from; i < limit; i++) {
            char c = m.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (i > start || !args.isEmpty()) {
                        args.add(new int[] {start, i});
                    }
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(new int[] {start, i});
                start = i + 1;
            } else if (c == ';' && depth == 0) {
                return List.of();
            }
        }
        return List.of();
    }

    private static Optional<String> simpleToken(String m, int[] span) {
        String text = m.substring(span[0], span[1]).strip().replaceAll("\\s+", " ");
        text = text.replaceAll("\\s*(\\.|::)\\s*", "$1");
        Matcher mt = SIMPLE_ARG.matcher(text);
        return mt.matches() ? Optional.of(mt.group(1)) : Optional.empty();
    }

    private static int trimStart(String m, int[] span) {
        int i = span[0];
        while (i < span[1] && Character.isWhitespace(m.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int trimEnd(String m, int[] span) {
        int i = span[1];
        while (i > span[0] && Character.isWhitespace(m.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static int qualifiedStart(String m, int i) {
        int j = i;
        while (j > 0) {
            char c = m.charAt(j - 1);
            if (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == ':') {
                j--;
            } else {
                break;
            }
        }
        return j;
    }

    private static @Nullable SockoptLevel level(String token) {
        switch (token) {
            case "SOL_TCP":
            case "IPPROTO_TCP":
                return SockoptLevel.SOL_TCP;
            case "SOL_SOCKET":
                return SockoptLevel.SOL_SOCKET;
            default:
                if (Character.isDigit(token.charAt(0))) {
                    return SockoptLevel.ofValue(parseInt(token)).orElse(null);
                }
                return null;
        }
    }

    /** A level constant we know is not SOL_SOCKET/SOL_TCP (IP, IPv6, UDP, SMC, ...), or a number that is neither. */
    private static boolean otherLevel(String token) {
        return token.startsWith("SOL_") || token.startsWith("IPPROTO_") || Character.isDigit(token.charAt(0));
    }

    private static int parseInt(String token) {
        try {
            return token.startsWith("0x") || token.startsWith("0X")
                    ? Integer.parseInt(token.substring(2), 16) : Integer.parseInt(token);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }
}
