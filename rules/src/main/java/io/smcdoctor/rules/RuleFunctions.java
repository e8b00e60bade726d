package io.smcdoctor.rules;

import io.smcdoctor.catalog.Cause;
import io.smcdoctor.evidence.NetInterface;
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
