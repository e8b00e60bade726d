package io.smcdoctor.samples.embed;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.SocketSummary;
import java.io.PrintStream;

/**
 * Builds {@link Evidence} from text a monitoring agent already holds (no files, no commands run), asks the
 * {@link Diagnoser} why SMC is not used, and prints the ranked report as JSON.
 *
 * <p>Run with {@code java -cp <samples jar and its dependencies> io.smcdoctor.samples.embed.EmbedExample}.
 */
public final class EmbedExample {
    /** {@code smcss -a} of an Alibaba Cloud Linux 3 host whose gRPC traffic runs over IPv6. */
    static final String SMCSS = """
            State          UID   Inode   Local Address           Peer Address            Intf Mode\s
            ACTIVE         01000 1839776 172.16.10.21:8080       172.16.10.40:45207      0000 SMCR\s
            ACTIVE         01000 1839709 172.16.10.21:48242      172.16.10.30:6379       0000 SMCR\s
            ACTIVE         01000 1839620 2408:4005:3a1:5c..:9090 2408:4005:3a1:5..:49002 0000 TCP 0x05000000/0x03030000
            ACTIVE         01000 1839353 2408:4005:3a1:5..:57795 2408:4005:3a1:5c..:9090 0000 TCP 0x03030000
            ACTIVE         01000 1839337 2408:4005:3a1:5..:59056 2408:4005:3a1:5c..:9090 0000 TCP 0x03030000
            LISTEN         01000 1839177 0.0.0.0:9090           \s
            """;

    /** {@code smcr -d device}: the eRDMA device is present and active. */
    static final String SMCR_DEVICE = """
            Net-Dev         IB-Dev   IB-P  IB-State  Type          Crit   FID   PCI-ID        PCHID  #Links  PNET-ID \s
            eth0            erdma_0     1    ACTIVE  0x107f         Yes   0000  0000:00:06.0  0000        2                  \s
            """;

    /** What the operator wrote in the ticket. */
    static final String SYMPTOM = "Calls to Redis are SMCR now, but the gRPC calls between our instances on port 9090 "
            + "still show up as TCP in smcss -a.";

    private EmbedExample() {
    }

    /**
     * Diagnoses the built-in evidence and prints the report.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        Evidence evidence = Evidence.builder()
                .smcssOutput(SMCSS)
                .smcrDeviceOutput(SMCR_DEVICE)
                .sysctl("net.ipv6.conf.all.disable_ipv6", "0")
                .sysctl("net.smc.tcp2smc", "1")
                .symptom(SYMPTOM)
                .build();
        printEvidence(evidence, System.out);

        Diagnoser diagnoser = Diagnoser.create(); // immutable and thread-safe: create once, share
        DiagnosisReport report = diagnoser.diagnose(evidence);
        System.out.println(report.toJson());
    }

    /** A one-paragraph summary of what was read, and any line the parsers did not understand. */
    static void printEvidence(Evidence evidence, PrintStream out) {
        SocketSummary sockets = evidence.sockets();
        out.printf("sockets: %d (%d SMC, %d TCP fallback, %d listening)%n",
                sockets.total(), sockets.smc(), sockets.fallbacks(), sockets.listening());
        sockets.byCode().forEach((code, count) -> out.printf("  fallback 0x%08x: %d%n", code, count));
        for (ParseWarning w : evidence.warnings()) {
            out.printf("warning: %s:%d: %s%n", w.source(), w.line(), w.message());
        }
    }
}
