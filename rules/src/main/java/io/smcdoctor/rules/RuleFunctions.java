package io.smcdoctor.rules;

import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Preconditions.DeviceKind;
import io.smcdoctor.evidence.facts.NetInterface;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketGroup;
import io.smcdoctor.evidence.facts.SysctlSetting;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small pure helpers the rules call in their conditions. Stateless. */
public final class RuleFunctions {
    private RuleFunctions() {
    }

    /**
     * True when an RDMA node GUID is the EUI-64 form of an Ethernet MAC address, i.e. the RDMA device belongs to
     * that NIC: MAC {@code 00:16:3e:12:34:56} gives GUID {@code 0216:3eff:fe12:3456} (flip the universal/local bit
     * of the first octet, insert {@code ff:fe} in the middle). Separators and case are ignored.
     */
    public static boolean guidMatchesMac(String nodeGuid, String mac) {
        String guid = hexDigits(nodeGuid);
        String m = hexDigits(mac);
        if (guid.length() != 16 || m.length() != 12) {
            return false;
        }
        int first = Integer.parseInt(m.substring(0, 2), 16) ^ 0x02;
        String eui = String.format(Locale.ROOT, "%02x", first) + m.substring(2, 6) + "fffe" + m.substring(6);
        return eui.equals(guid);
    }

    /**
     * True for RDMA devices whose node GUID is derived from their NIC's MAC (EUI-64): eRDMA
     * ({@code erdma_main.c erdma_device_register()}) and soft-RoCE (lab capture: MAC 52:54:00:5c:00:02, GUID
     * 5054:00ff:fe5c:0002). Other NICs (mlx5, InfiniBand HCAs) carry firmware GUIDs.
     */
    public static boolean macDerivedGuid(String deviceName) {
        return HostContext.deviceKind(deviceName, "")
                .filter(k -> k == DeviceKind.ERDMA
                        || k == DeviceKind.RXE)
                .isPresent();
    }

    /**
     * True when the group's sample rows show SMC sockets whose TCP (CLC) socket is closed: smc_diag prints that
     * socket's local port, 0 once it is closed (lab capture rdma-link-removed: ACTIVE SMCR row with local port 0).
     */
    public static boolean clcClosed(SocketGroup g) {
        return g.samples().stream().allMatch(r -> r.local().port() == 0 && !r.local().address().isEmpty());
    }

    private static final java.util.regex.Pattern SMC_IDENTIFIER =
            java.util.regex.Pattern.compile("\\b_{0,2}smc[rd]?_[a-z0-9_]{3,}\\b");
    /** smc-tools commands and kernel module names: identifiers users type that are not kernel functions. */
    private static final Set<String> NOT_KERNEL_FUNCTIONS = Set.of("smc_run", "smc_chk", "smc_pnet", "smc_dbg",
            "smc_rnics", "smc_diag", "smc_loopback", "smc_tools");

    /**
     * True when the text names an SMC kernel function or structure ({@code smc_listen_work()},
     * {@code smcr_link_put}, {@code __smc_release}, {@code struct smc_init_info}): SMC's own code is discussed. Not
     * smc-tools commands or module names, and not names that are {@code net.smc} sysctls ({@code smcr_buf_type}).
     */
    public static boolean namesSmcKernelFunction(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.contains("smc_") && !lower.contains("smcr_") && !lower.contains("smcd_")) {
            return false; // what SMC_IDENTIFIER needs is not there: no regular expression to run
        }
        java.util.regex.Matcher m = SMC_IDENTIFIER.matcher(lower);
        while (m.find()) {
            String id = m.group().replaceFirst("^_+", "");
            if (NOT_KERNEL_FUNCTIONS.contains(id) || SYSCTL_NAMES.contains(id)) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static final java.util.regex.Pattern SMC_WORD = java.util.regex.Pattern.compile(
            "\\b(smc|smc-r|smc-d|smcr|smcd|af_smc|smc_run)\\b");

    /** True for a release string of a development kernel: a release candidate ({@code 6.8.0-rc1}) or linux-next. */
    public static boolean developmentKernel(String release) {
        String r = release.toLowerCase(Locale.ROOT);
        return r.matches(".*-rc\\d+.*") || r.contains("next-20") || r.contains("net-next");
    }

    /** True when the text speaks of SMC at all ("after using SMC", "smc_run nginx", "AF_SMC"). */
    public static boolean mentionsSmc(String text) {
        return SMC_WORD.matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** The net.smc sysctls whose names look like SMC identifiers (Documentation/networking/smc-sysctl.rst). */
    private static final Set<String> SYSCTL_NAMES = Set.of("smcr_buf_type", "smcr_testlink_time",
            "smcr_max_links_per_lgr", "smcr_max_conns_per_lgr", "smcr_max_send_wr", "smcr_max_recv_wr");

    /** True for a value smc-tools print for a present field (not empty, not {@code n/a}). */
    public static boolean present(String value) {
        return !value.isBlank() && !"n/a".equalsIgnoreCase(value.trim());
    }

    /** True when the interface holds this address (CIDR suffixes ignored; IPv6 compared case-insensitively). */
    public static boolean hasAddress(NetInterface nic, String address) {
        if (address.isEmpty()) {
            return false;
        }
        for (String cidr : nic.addresses()) {
            int slash = cidr.indexOf('/');
            String a = slash < 0 ? cidr : cidr.substring(0, slash);
            if (a.equalsIgnoreCase(address)) {
                return true;
            }
        }
        return false;
    }

    /** True for an Ethernet interface that carries traffic: has a MAC and an address and is not loopback. */
    public static boolean carriesTraffic(NetInterface nic) {
        return !nic.mac().isEmpty() && !nic.addresses().isEmpty() && !"lo".equals(nic.name())
                && !"loopback".equals(nic.linkType());
    }

    /**
     * The causes that no {@link RuledOut} fact contradicts, in their order; all of them when every one is ruled out
     * (the code was observed, so something caused it: better a contradicted candidate than none).
     */
    public static List<Cause> notRuledOut(List<Cause> causes, List<?> ruledOut) {
        if (ruledOut.isEmpty()) {
            return causes;
        }
        Set<String> out = new HashSet<>();
        for (Object o : ruledOut) {
            if (o instanceof RuledOut r) {
                out.add(r.causeId());
            }
        }
        List<Cause> kept = new ArrayList<>(causes.size());
        for (Cause c : causes) {
            if (!out.contains(c.id())) {
                kept.add(c);
            }
        }
        return kept.isEmpty() ? causes : kept;
    }

    /**
     * The lines of a sysctl listing between which keys starting with {@code prefix} would stand, in key order: the
     * greatest key before the prefix and the least key after every key with it (one of them when the prefix would
     * sort first or last). These are the lines that show that such keys are absent.
     */
    public static List<Provenance> keysAround(List<?> settings, String prefix) {
        SysctlSetting before = null;
        SysctlSetting after = null;
        for (Object o : settings) {
            if (o instanceof SysctlSetting s && !s.key().startsWith(prefix)) {
                if (s.key().compareTo(prefix) < 0) {
                    if (before == null || s.key().compareTo(before.key()) > 0) {
                        before = s;
                    }
                } else if (after == null || s.key().compareTo(after.key()) < 0) {
                    after = s;
                }
            }
        }
        List<Provenance> out = new ArrayList<>(2);
        if (before != null) {
            out.add(before.provenance());
        }
        if (after != null) {
            out.add(after.provenance());
        }
        return out;
    }

    private static String hexDigits(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = Character.toLowerCase(s.charAt(i));
            if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')) {
                sb.append(c);
            } else if (c != ':' && c != '-' && c != '.') {
                return "";
            }
        }
        return sb.toString();
    }
}
