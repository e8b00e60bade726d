package io.smcdoctor;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.facts.Endpoint;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SocketMode;
import io.smcdoctor.evidence.facts.SocketRow;
import io.smcdoctor.evidence.facts.SourceKind;
import java.util.List;

/**
 * Test fixtures: facts whose provenance mirrors real lines (file, line, exact text). The smcss lines are split
 * here with the column layout of {@code smcss -a} so that each test shows the real line it stands for.
 */
final class Fx {
    static final String SMCSS_HEADER =
            "State          UID   Inode   Local Address           Peer Address            Intf Mode ";

    private Fx() {
    }

    /** The commands of a cause's remedies in the shipped catalog, in order: what its diagnosis must offer. */
    static List<String> remedyCommands(String causeId) {
        Cause cause = Catalog.bundled().cause(causeId).orElseThrow(() -> new AssertionError("no cause " + causeId));
        return cause.remedies().stream().flatMap(r -> r.commands().stream()).toList();
    }

    /** The shipped catalog's title of a cause. */
    static String title(String causeId, Language language) {
        return Catalog.bundled().cause(causeId).orElseThrow().title().get(language);
    }

    static Provenance at(String source, int line, String text) {
        return new Provenance(source, line, text);
    }

    /** Adds smcss.txt with a header on line 1 and the given rows on the following lines. */
    static Evidence.Builder smcss(Evidence.Builder b, String... rows) {
        b.source("smcss.txt", SourceKind.SMCSS);
        for (int i = 0; i < rows.length; i++) {
            b.add(row("smcss.txt", i + 2, rows[i]));
        }
        return b;
    }

    /** One smcss row: State UID Inode [Local [Peer Intf Mode [codes]]]. */
    static SocketRow row(String source, int line, String text) {
        String[] f = text.trim().split("\\s+");
        Provenance p = at(source, line, text);
        String state = f[0];
        long inode = Long.parseLong(f[2]);
        Endpoint local = f.length > 3 ? endpoint(f[3]) : Endpoint.NONE;
        if (f.length <= 4) {
            return SocketRow.basic(p, state, 0, inode, local, Endpoint.NONE, -1, SocketMode.NONE, 0, 0);
        }
        Endpoint peer = endpoint(f[4]);
        int intf = Integer.parseInt(f[5], 16);
        SocketMode mode = SocketMode.valueOf(f[6]);
        int localCode = 0;
        int peerCode = 0;
        if (f.length > 7) {
            String[] codes = f[7].split("/");
            localCode = Integer.parseUnsignedInt(codes[0].substring(2), 16);
            if (codes.length > 1) {
                peerCode = Integer.parseUnsignedInt(codes[1].substring(2), 16);
            }
        }
        return SocketRow.basic(p, state, 0, inode, local, peer, intf, mode, localCode, peerCode);
    }

    private static Endpoint endpoint(String s) {
        int colon = s.lastIndexOf(':');
        return new Endpoint(s.substring(0, colon), Integer.parseInt(s.substring(colon + 1)), false);
    }
}
