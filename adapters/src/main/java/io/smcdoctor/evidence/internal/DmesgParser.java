package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.KernelEvent;
import io.smcdoctor.evidence.facts.KernelEventKind;
import io.smcdoctor.evidence.facts.ToolError;
import io.smcdoctor.evidence.facts.ToolErrorKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a kernel log ({@code dmesg}, {@code dmesg -T}, {@code dmesg -x}, {@code dmesg --time-format iso},
 * {@code journalctl -k}, or lines without a timestamp) into {@link KernelEvent}s.
 *
 * <p>A kernel log is mostly noise, so irrelevant lines are skipped without a warning. Each line first goes
 * through cheap {@code startsWith}/{@code indexOf} checks; a regular expression runs only on the few lines
 * that pass them. Lines that start with {@code smc:} but match no known format become
 * {@link KernelEventKind#SMC_OTHER} events, so nothing SMC said is lost. Kernel reports (WARNING, BUG, KASAN, oops,
 * lockdep, hung task, ...) are collected alongside into {@code KernelSplat} facts ({@link SplatAssembler}); the log
 * tools' own errors ({@code dmesg: read kernel buffer failed: ...}) become tool errors.
 */
final class DmesgParser implements TextParser {
    private static final Pattern FACILITY = Pattern.compile("kern *:[a-z]+ *: ?");
    private static final Pattern ISO_TIME = Pattern.compile("(\\d{4}-\\d\\d-\\d\\dT[0-9:.,+\\-]+)\\s");
    private static final Pattern CALLER = Pattern.compile("\\[\\s*[TC]\\d+\\]\\s?");

    private static final Pattern UNKNOWN_SYMBOL =
            Pattern.compile("(\\S+?): Unknown symbol (\\S+)(?: \\(err (-?\\w+)\\))?.*");
    private static final Pattern SYMBOL_VERSION =
            Pattern.compile("(\\S+?): (?:disagrees about version of symbol|no symbol version for) (\\S+).*");
    private static final Pattern RATELIMIT = Pattern.compile("(smc\\w*): (\\d+) callbacks suppressed");

    private static final Pattern IB_ADDED = Pattern.compile("adding ib device (\\S+) with port count (\\d+)");
    private static final Pattern IB_NO_PNETID = Pattern.compile("ib device (\\S+) port (\\d+) has no pnetid");
    private static final Pattern IB_PNETID = Pattern.compile("ib device (\\S+) port (\\d+) has pnetid(.*)");
    private static final Pattern IB_REMOVED = Pattern.compile("removing ib device (\\S+)");
    private static final Pattern SMCD_ADDED =
            Pattern.compile("adding smcd device (\\S+)(?: with pnetid(.*)| without pnetid)?");
    private static final Pattern SMCD_REMOVED = Pattern.compile("removing smcd device (\\S+)");
    private static final Pattern LG_LINK = Pattern.compile("SMC-R lg ([0-9a-fA-F]+)(?: net (\\d+))? link (added|removed): "
            + "id ([0-9a-fA-F]+), peerid ([0-9a-fA-F]+), ibdev (\\S+), ibport (\\d+).*");
    private static final Pattern LG_STATE =
            Pattern.compile("SMC-R lg ([0-9a-fA-F]+)(?: net (\\d+))? state changed: ([A-Z_]+),? ?(?:pnetid ?(.*))?");
    private static final Pattern LG_LLC =
            Pattern.compile("SMC-R lg ([0-9a-fA-F]+)(?: net (\\d+))? ((?:LLC protocol violation|dropped ).*)");
    private static final Pattern RESERVED_PORTS =
            Pattern.compile("netns (\\S+) reserved ports \\[\\s*(\\d+)\\s*[~-]\\s*(\\d+)\\s*\\].*");
    private static final Pattern INIT_FAILED = Pattern.compile("(?:\\w+: )?(\\S+) fails with (-?\\d+).*");

    private static final Pattern LINK_STATE =
            Pattern.compile("(?:^|\\s)([\\w.@\\-]+): (?:NIC )?Link (?:is )?(Up|Down|up|down|UP|DOWN)\\b");
    private static final Pattern SLOT = Pattern.compile("Slot\\((\\S+?)\\)");
    private static final Pattern ADDRCONF =
            Pattern.compile("ADDRCONF\\(NETDEV_\\w+\\): (\\S+): link (becomes ready|is not ready)");

    @Override
    public LineSink open(ParseContext ctx) {
        return new Sink(ctx);
    }

    private static final class Sink implements LineSink {
        private final ParseContext ctx;
        private final SplatAssembler splats;
        private String timestamp = "";
        private int number;
        private String raw = "";
        /** {@code NET: Unregistered PF_SMC protocol family} seen and not followed by a registration. */
        private boolean smcUnregistered;

        Sink(ParseContext ctx) {
            this.ctx = ctx;
            this.splats = new SplatAssembler(ctx);
        }

        @Override
        public void end() {
            splats.end();
        }

        @Override
        public void line(int lineNumber, String text) {
            number = lineNumber;
            raw = text;
            String msg = message(lineNumber == 1 ? HostText.stripBom(text) : text);
            if (msg.isEmpty()) {
                return;
            }
            char c0 = msg.charAt(0);
            if ((c0 == 'd' || c0 == 'j' || c0 == 'N' || c0 == '-') && toolError(msg)) {
                return;
            }
            splats.line(lineNumber, text, msg, timestamp);
            if (msg.indexOf(" symbol ") >= 0 && moduleSymbol(msg)) {
                return;
            }
            char c = msg.charAt(0);
            if (c == 's' && msg.startsWith("smc")) {
                smc(msg);
                return;
            }
            if (c == 'N' && msg.startsWith("NET: ")) {
                protocolFamily(msg);
                return;
            }
            if (c == 'L' && msg.startsWith("Linux version ")) {
                int end = msg.indexOf(' ', 14);
                emit(KernelEventKind.KERNEL_BANNER, "release", end < 0 ? msg.substring(14) : msg.substring(14, end));
                return;
            }
            rdmaDriver(msg);
            if (msg.indexOf("ink ") >= 0) {
                linkState(msg);
            }
        }

        /**
         * The errors of the log tools themselves: util-linux {@code dmesg: read kernel buffer failed: Operation not
         * permitted} (kernel.dmesg_restrict), journalctl {@code No journal files were found.} / {@code -- No entries --}.
         */
        private boolean toolError(String msg) {
            if (msg.startsWith("dmesg: ") || msg.startsWith("journalctl: ")) {
                return ToolErrors.record(ctx, msg.startsWith("dmesg") ? "dmesg" : "journalctl", number, raw)
                        || recordOther(msg);
            }
            if (msg.equals("No journal files were found.") || msg.equals("-- No entries --")) {
                ctx.add(new ToolError(ctx.at(number, raw), "journalctl", ToolErrorKind.OTHER, msg));
                return true;
            }
            return false;
        }

        private boolean recordOther(String msg) {
            int colon = msg.indexOf(':');
            ctx.add(new ToolError(ctx.at(number, raw), msg.substring(0, colon), ToolErrorKind.OTHER,
                    msg.substring(colon + 1).strip()));
            return true;
        }

        /** Splits off the priority, facility, timestamp and journal prefixes; sets {@link #timestamp}. */
        private String message(String line) {
            String s = line;
            timestamp = "";
            if (s.startsWith("kernel: ")) {
                return s.substring(8).strip(); // journalctl output cut to the message
            }
            if (s.startsWith("<")) {
                int j = s.indexOf('>');
                if (j > 1 && j <= 4 && allDigits(s, 1, j)) {
                    s = s.substring(j + 1);
                }
            }
            if (s.startsWith("kern")) {
                Matcher m = FACILITY.matcher(s);
                if (m.lookingAt()) {
                    s = s.substring(m.end());
                }
            }
            if (s.startsWith("[")) {
                int j = s.indexOf(']');
                if (j > 0) {
                    timestamp = s.substring(1, j).strip();
                    s = s.substring(j + 1).stripLeading();
                    if (s.startsWith("[")) {
                        Matcher m = CALLER.matcher(s);
                        if (m.lookingAt()) {
                            s = s.substring(m.end());
                        }
                    }
                    // journalctl -k -o short-monotonic: "[  812.402117] host kernel: msg"
                    int k = s.indexOf(" kernel: ");
                    if (k > 0 && k < 64 && s.lastIndexOf(' ', k - 1) < 0) {
                        s = s.substring(k + 9);
                    }
                }
            } else if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
                Matcher m = ISO_TIME.matcher(s);
                if (m.lookingAt()) {
                    timestamp = m.group(1);
                    s = s.substring(m.end());
                    s = journal(s, "");
                }
            } else {
                s = journal(s, s);
            }
            return s.strip();
        }

        /** {@code Nov 26 16:10:08 host kernel: msg}: the part after {@code kernel: }, the time before the host. */
        private String journal(String s, String prefixSource) {
            int k = s.indexOf(" kernel: ");
            if (k <= 0 || k > 96) {
                return s;
            }
            String prefix = s.substring(0, k);
            int sp = prefix.lastIndexOf(' ');
            if (prefixSource.isEmpty()) {
                // ISO time already taken; only the host name may precede "kernel:"
                return sp < 0 ? s.substring(k + 9) : s;
            }
            char c = prefix.charAt(0);
            if (sp > 0 && (Character.isUpperCase(c) || Character.isDigit(c)) && prefix.indexOf(':') > 0) {
                timestamp = prefix.substring(0, sp).strip();
                return s.substring(k + 9);
            }
            return s;
        }

        private boolean moduleSymbol(String msg) {
            Matcher m = UNKNOWN_SYMBOL.matcher(msg);
            if (m.matches()) {
                emit(KernelEventKind.MODULE_UNKNOWN_SYMBOL, "module", m.group(1), "symbol", m.group(2),
                        "error", m.group(3) == null ? "" : m.group(3));
                return true;
            }
            m = SYMBOL_VERSION.matcher(msg);
            if (m.matches()) {
                emit(KernelEventKind.MODULE_SYMBOL_VERSION, "module", m.group(1), "symbol", m.group(2));
                return true;
            }
            return false;
        }

        private void smc(String msg) {
            if (!msg.startsWith("smc:")) {
                Matcher m = RATELIMIT.matcher(msg);
                if (m.lookingAt()) {
                    emit(KernelEventKind.SMC_RATELIMITED, "function", m.group(1), "suppressed", m.group(2));
                }
                return;
            }
            String body = msg;
            while (body.startsWith("smc:")) {
                body = body.substring(4).stripLeading();
            }
            if (!smcBody(body)) {
                emit(KernelEventKind.SMC_OTHER, "message", body);
            }
        }

        private boolean smcBody(String body) {
            if (body.startsWith("SMC-R lg ")) {
                return linkGroup(body);
            }
            if (body.startsWith("ib device ")) {
                Matcher m = IB_NO_PNETID.matcher(body);
                if (m.matches()) {
                    emit(KernelEventKind.SMC_IB_DEVICE_NO_PNETID, "device", m.group(1), "port", m.group(2));
                    return true;
                }
                m = IB_PNETID.matcher(body);
                if (m.matches()) {
                    String[] p = pnetid(m.group(3));
                    emit(KernelEventKind.SMC_IB_DEVICE_PNETID, "device", m.group(1), "port", m.group(2),
                            "pnetid", p[0], "userDefined", p[1]);
                    return true;
                }
                return false;
            }
            if (body.startsWith("adding ")) {
                return adding(body);
            }
            if (body.startsWith("removing ")) {
                Matcher m = IB_REMOVED.matcher(body);
                if (m.matches()) {
                    emit(KernelEventKind.SMC_IB_DEVICE_REMOVED, "device", m.group(1), "smcUnloading",
                            Boolean.toString(smcUnregistered));
                    return true;
                }
                if (body.equals("removing smcd loopback device")) {
                    emit(KernelEventKind.SMC_SMCD_DEVICE_REMOVED, "device", "loopback-ism");
                    return true;
                }
                m = SMCD_REMOVED.matcher(body);
                if (m.matches()) {
                    emit(KernelEventKind.SMC_SMCD_DEVICE_REMOVED, "device", m.group(1));
                    return true;
                }
                return false;
            }
            if (body.startsWith("load SMC module with reserve_mode")) {
                emit(KernelEventKind.SMC_RESERVE_MODE);
                return true;
            }
            if (body.startsWith("reserve_mode with invalid ports base")) {
                emit(KernelEventKind.SMC_RESERVE_MODE_INVALID_BASE);
                return true;
            }
            if (body.startsWith("netns ")) {
                Matcher m = RESERVED_PORTS.matcher(body);
                if (m.matches()) {
                    emit(KernelEventKind.SMC_RESERVED_PORTS, "netns", m.group(1), "first", m.group(2),
                            "last", m.group(3));
                    return true;
                }
                return false;
            }
            if (body.contains(" fails with ")) {
                Matcher m = INIT_FAILED.matcher(body);
                if (m.matches()) {
                    emit(KernelEventKind.SMC_INIT_FAILED, "step", m.group(1), "error", m.group(2));
                    return true;
                }
            }
            return false;
        }

        private boolean adding(String body) {
            Matcher m = IB_ADDED.matcher(body);
            if (m.matches()) {
                emit(KernelEventKind.SMC_IB_DEVICE_ADDED, "device", m.group(1), "ports", m.group(2));
                return true;
            }
            if (body.equals("adding smcd loopback device")) {
                emit(KernelEventKind.SMC_SMCD_DEVICE_ADDED, "device", "loopback-ism", "pnetid", "",
                        "userDefined", "false");
                return true;
            }
            m = SMCD_ADDED.matcher(body);
            if (m.matches()) {
                String[] p = pnetid(m.group(2) == null ? "" : m.group(2));
                emit(KernelEventKind.SMC_SMCD_DEVICE_ADDED, "device", m.group(1), "pnetid", p[0],
                        "userDefined", p[1]);
                return true;
            }
            return false;
        }

        private boolean linkGroup(String body) {
            Matcher m = LG_LINK.matcher(body);
            if (m.matches()) {
                KernelEventKind kind = m.group(3).equals("added")
                        ? KernelEventKind.SMC_LINK_ADDED : KernelEventKind.SMC_LINK_REMOVED;
                emit(kind, "lg", m.group(1), "net", nz(m.group(2)), "id", m.group(4), "peerid", m.group(5),
                        "ibdev", m.group(6), "ibport", m.group(7));
                return true;
            }
            m = LG_STATE.matcher(body);
            if (m.matches()) {
                emit(KernelEventKind.SMC_LGR_STATE_CHANGED, "lg", m.group(1), "net", nz(m.group(2)),
                        "state", m.group(3), "pnetid", nz(m.group(4)).strip());
                return true;
            }
            m = LG_LLC.matcher(body);
            if (m.matches()) {
                emit(KernelEventKind.SMC_LLC_PROBLEM, "lg", m.group(1), "net", nz(m.group(2)), "detail", m.group(3));
                return true;
            }
            return false;
        }

        /** {@code [pnetid, userDefined]} from the text after {@code has pnetid} / {@code with pnetid}. */
        private static String[] pnetid(String rest) {
            String r = rest.strip();
            boolean user = false;
            if (r.endsWith("(user defined)")) {
                user = true;
                r = r.substring(0, r.length() - "(user defined)".length()).strip();
            }
            return new String[] {r, Boolean.toString(user)};
        }

        private void protocolFamily(String msg) {
            if (msg.equals("NET: Registered PF_SMC protocol family") || msg.equals("NET: Registered protocol family 43")) {
                smcUnregistered = false;
                emit(KernelEventKind.SMC_REGISTERED);
            } else if (msg.equals("NET: Unregistered PF_SMC protocol family")
                    || msg.equals("NET: Unregistered protocol family 43")) {
                smcUnregistered = true;
                emit(KernelEventKind.SMC_UNREGISTERED);
            }
        }

        private void rdmaDriver(String msg) {
            String first = firstToken(msg);
            String name = first.endsWith(":") ? first.substring(0, first.length() - 1) : first;
            String rest = msg.substring(first.length()).strip();
            if (name.startsWith("mlx5_") || name.startsWith("mlx4_") || name.equals("mlx_compat")
                    || msg.contains("MLNX_OFED")) {
                emit(KernelEventKind.OFED_DRIVER, "driver", name, "message", rest);
                if (name.equals("mlx5_core") && isHealthEvent(rest)) {
                    String dev = firstToken(rest);
                    emit(KernelEventKind.RDMA_DEVICE_HEALTH, "driver", name,
                            "device", dev.endsWith(":") ? dev.substring(0, dev.length() - 1) : dev, "message", rest);
                }
            } else if (name.startsWith("erdma")) {
                emit(KernelEventKind.ERDMA_DRIVER, "device", name.equals("erdma") ? "" : name, "message", rest);
            } else if (name.equals("rdma_rxe")) {
                emit(KernelEventKind.RXE_DRIVER, "device", "", "message", rest);
                if (rest.equals("loaded")) {
                    emit(KernelEventKind.RDMA_DRIVER_LOADED, "driver", name);
                } else if (rest.equals("unloaded")) {
                    emit(KernelEventKind.RDMA_DRIVER_UNLOADED, "driver", name);
                }
            } else if (name.equals("pciehp") || (name.equals("pcieport") && msg.contains("pciehp"))) {
                if (msg.contains("Link Down") || msg.contains("Card not present") || msg.contains("Slot(")
                        && msg.contains("Button press")) {
                    Matcher sm = SLOT.matcher(msg);
                    String dev = firstToken(rest);
                    emit(KernelEventKind.PCI_HOTPLUG, "device", dev.endsWith(":") ? dev.substring(0, dev.length() - 1)
                            : dev, "slot", sm.find() ? sm.group(1) : "", "message", rest);
                }
            } else if (name.startsWith("rxe") && first.endsWith(":") && name.length() > 3
                    && Character.isDigit(name.charAt(3))) {
                emit(KernelEventKind.RXE_DRIVER, "device", name, "message", rest);
            } else if (name.equals("infiniband")) {
                String dev = firstToken(rest);
                String devName = dev.endsWith(":") ? dev.substring(0, dev.length() - 1) : dev;
                String text = rest.substring(dev.length()).strip();
                if (text.equals("set active")) {
                    emit(KernelEventKind.RDMA_DEVICE_ACTIVE, "device", devName);
                } else if (text.startsWith("added ") && text.indexOf(' ', 6) < 0) {
                    emit(KernelEventKind.RDMA_DEVICE_NETDEV, "device", devName, "netdev", text.substring(6));
                }
                if (devName.startsWith("rxe")) {
                    emit(KernelEventKind.RXE_DRIVER, "device", devName, "message", text);
                } else if (devName.startsWith("erdma")) {
                    emit(KernelEventKind.ERDMA_DRIVER, "device", devName, "message", text);
                } else {
                    emit(KernelEventKind.RDMA_OTHER, "device", devName, "message", text);
                }
            } else if (isRdmaCore(name)) {
                emit(KernelEventKind.RDMA_OTHER, "device", "", "message", msg);
            }
        }

        /** mlx5 health lines ({@code drivers/net/ethernet/mellanox/mlx5/core/health.c}). */
        private static boolean isHealthEvent(String rest) {
            return rest.contains("health") || rest.contains("Fatal error") || rest.contains("fatal error")
                    || rest.contains("FW is unable to respond") || rest.contains("synd 0x")
                    || rest.contains("error state") || rest.contains("internal error");
        }

        private static boolean isRdmaCore(String name) {
            switch (name) {
                case "ib_core":
                case "ib_uverbs":
                case "ib_umad":
                case "ib_cm":
                case "iw_cm":
                case "rdma_cm":
                case "rdma_ucm":
                case "ib_ipoib":
                    return true;
                default:
                    return false;
            }
        }

        private void linkState(String msg) {
            Matcher m = LINK_STATE.matcher(msg);
            if (m.find()) {
                String state = m.group(2).equalsIgnoreCase("up") ? "up" : "down";
                emit(KernelEventKind.NET_LINK_STATE, "interface", m.group(1), "state", state);
                return;
            }
            m = ADDRCONF.matcher(msg);
            if (m.find()) {
                emit(KernelEventKind.NET_LINK_STATE, "interface", m.group(1),
                        "state", m.group(2).equals("becomes ready") ? "up" : "down");
            }
        }

        private void emit(KernelEventKind kind, String... kv) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i + 1 < kv.length; i += 2) {
                fields.put(kv[i], kv[i + 1]);
            }
            ctx.add(new KernelEvent(ctx.at(number, raw), kind, fields, timestamp));
        }

        private static String nz(@Nullable String s) {
            return s == null ? "" : s;
        }

        private static String firstToken(String s) {
            int sp = s.indexOf(' ');
            return sp < 0 ? s : s.substring(0, sp);
        }

        private static boolean allDigits(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                if (!Character.isDigit(s.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }
}
