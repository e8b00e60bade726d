package io.smcdoctor.memory;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.testing.LongLineStream;
import java.nio.file.Path;

/**
 * Run by {@link MemoryBoundsTest} in a child JVM with a small heap: {@code diagnose BUNDLE} reads and diagnoses a
 * bundle; {@code longline BYTES} streams one line of that many bytes through a parser. Prints one result line.
 */
public final class BoundedHeapMain {
    private BoundedHeapMain() {
    }

    /** Entry point; exits non-zero (with the error on stderr) when anything fails, e.g. OutOfMemoryError. */
    public static void main(String[] args) {
        if (args[0].equals("diagnose")) {
            Evidence ev = EvidenceBundle.read(Path.of(args[1]));
            DiagnosisReport r = Diagnoser.create().diagnose(ev);
            System.out.println("sockets=" + r.stats().sockets() + " fallbacks=" + ev.sockets().fallbacks()
                    + " top=" + r.top().map(d -> d.id()).orElse("none") + " jsonChars=" + r.toJson().length()
                    + " maxHeap=" + Runtime.getRuntime().maxMemory());
        } else {
            long bytes = Long.parseLong(args[1]);
            Evidence ev = Evidence.builder()
                    .parse(SourceKind.SYSCTL, "sysctl.txt", new LongLineStream(bytes, "\nnet.smc.limit_smc_hs = 1\n"))
                    .build();
            System.out.println("limit_smc_hs=" + ev.sysctl("net.smc.limit_smc_hs").orElse("?") + " warnings="
                    + ev.warnings().size() + " maxHeap=" + Runtime.getRuntime().maxMemory());
        }
    }
}
