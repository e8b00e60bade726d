package io.smcdoctor.cli.report;

import io.smcdoctor.Diagnosis;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.facts.FallbackCounter;
import io.smcdoctor.evidence.facts.KernelRelease;
import io.smcdoctor.evidence.facts.Provenance;
import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.BundleReader;
import io.smcdoctor.evidence.internal.SourceExcerpts;
import io.smcdoctor.html.SvgBarChart;
import io.smcdoctor.rules.Codes;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A diagnosis report for people who read it outside a terminal: a self-contained HTML page ({@link #html()}) or
 * Markdown for a ticket on GitHub or Jira ({@link #markdown()}). Both hold the same content: a summary line (host,
 * kernel, sockets, SMC share), fallbacks by reason code (sockets in the listings and the kernel's counters, as a chart
 * in HTML and a table in both), the ranked diagnoses with confidence and side, each evidence line with its
 * {@code file:line} and the lines of the cited file around it, the remedies' commands, missing evidence as a checklist
 * and the input warnings, in the report's language.
 *
 * <p>The lines around a citation are read again from the same inputs the diagnosis read ({@link SourceExcerpts}),
 * within the same archive limits; only a window around each cited line is kept and the page stays bounded (at most
 * {@value #MAX_EVIDENCE} evidence lines per diagnosis, {@value #MAX_WARNINGS} warnings, {@value #MAX_EXCERPT_CHARS}
 * characters of excerpts). Evidence text is untrusted and is escaped for each format. Immutable and thread-safe.
 */
public final class ReportDocument {
    /** Lines shown before and after a cited line. */
    static final int EXCERPT_RADIUS = 4;
    /** Evidence lines shown per diagnosis; JSON lists them all. */
    static final int MAX_EVIDENCE = 40;
    /** Warnings shown; JSON lists them all. */
    static final int MAX_WARNINGS = 200;
    /** Characters of excerpt text kept for one report. */
    static final long MAX_EXCERPT_CHARS = 512L * 1024;

    /** One row of the fallback table: a reason code, its sockets and its counter ({@link SvgBarChart#UNKNOWN}: no input). */
    record FallbackRow(int code, String name, String title, long sockets, long counters) {
        FallbackRow {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(title, "title");
        }

        String hex() {
            return ReasonCode.hex(code);
        }
    }

    private final DiagnosisReport report;
    private final ReportStrings strings;
    private final String generator;
    private final List<String> hosts;
    private final List<String> kernels;
    private final List<FallbackRow> fallbacks;
    private final boolean socketsKnown;
    private final boolean countersKnown;
    private final Map<Diagnosis, List<Provenance>> evidence;
    private final SourceExcerpts excerpts;

    private ReportDocument(DiagnosisReport report, Evidence ev, Catalog catalog, SourceExcerpts excerpts,
                           String generator) {
        this.report = report;
        this.strings = ReportStrings.of(report.language());
        this.generator = generator;
        this.excerpts = excerpts;
        this.evidence = shownEvidence(report);
        List<String> h = new ArrayList<>();
        List<String> k = new ArrayList<>();
        for (KernelRelease kr : ev.facts(KernelRelease.class)) {
            hostName(kr).filter(n -> !h.contains(n)).ifPresent(h::add);
            if (!kr.release().isEmpty() && !k.contains(kr.release())) {
                k.add(kr.release());
            }
        }
        this.hosts = List.copyOf(h);
        this.kernels = List.copyOf(k);
        this.socketsKnown = ev.has(SourceKind.SMCSS);
        this.countersKnown = ev.has(SourceKind.SMCR_STATS) || ev.has(SourceKind.SMCD_STATS);
        this.fallbacks = fallbackRows(ev, catalog, report, socketsKnown, countersKnown);
    }

    /**
     * A report document; the cited files are read again from {@code inputs} (the paths the diagnosis read, in the same
     * order, with the default limits). When they can no longer be read, the evidence lines are shown without the lines
     * around them.
     *
     * @param report    the diagnosis
     * @param evidence  the evidence it was made from (host, kernel, fallbacks by input)
     * @param catalog   the catalog, for reason code names
     * @param inputs    the bundle paths the evidence was read from; empty when there are none to read again
     * @param generator who wrote it, e.g. {@code smc-doctor 0.1.0}
     */
    public static ReportDocument of(DiagnosisReport report, Evidence evidence, Catalog catalog, List<Path> inputs,
                                    String generator) {
        Objects.requireNonNull(inputs, "inputs");
        List<BundleReader.Input> read = new ArrayList<>();
        inputs.forEach(p -> read.add(new BundleReader.PathInput(p)));
        return ofInputs(report, evidence, catalog, read, generator);
    }

    /**
     * A report document whose cited files are read again from the inputs the diagnosis read (paths, and evidence held
     * in memory such as the live host's files or the {@code --symptom} text), in the same order, with the default
     * limits. When they can no longer be read (standard input), the evidence lines are shown without the lines around
     * them.
     */
    public static ReportDocument ofInputs(DiagnosisReport report, Evidence evidence, Catalog catalog,
                                          List<BundleReader.Input> inputs, String generator) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(inputs, "inputs");
        SourceExcerpts ex;
        try {
            ex = SourceExcerpts.readAll(inputs, EvidenceBundle.Limits.defaults(), cited(report), EXCERPT_RADIUS,
                    MAX_EXCERPT_CHARS);
        } catch (EvidenceParseException | UncheckedIOException e) {
            ex = SourceExcerpts.empty(); // the diagnosis itself read them; excerpts are a convenience
        }
        return of(report, evidence, catalog, ex, generator);
    }

    static ReportDocument of(DiagnosisReport report, Evidence evidence, Catalog catalog, SourceExcerpts excerpts,
                             String generator) {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(excerpts, "excerpts");
        Objects.requireNonNull(generator, "generator");
        return new ReportDocument(report, evidence, catalog, excerpts, generator);
    }

    /** The report as one self-contained HTML page (UTF-8, no external resource, strict Content-Security-Policy). */
    public String html() {
        return HtmlReport.render(this);
    }

    /** The report as GitHub-flavoured Markdown (tables, code blocks, evidence collapsed in {@code <details>}). */
    public String markdown() {
        return MarkdownReport.render(this);
    }

    DiagnosisReport report() {
        return report;
    }

    ReportStrings strings() {
        return strings;
    }

    String generator() {
        return generator;
    }

    List<String> hosts() {
        return hosts;
    }

    List<String> kernels() {
        return kernels;
    }

    List<FallbackRow> fallbacks() {
        return fallbacks;
    }

    boolean socketsKnown() {
        return socketsKnown;
    }

    boolean countersKnown() {
        return countersKnown;
    }

    SourceExcerpts excerpts() {
        return excerpts;
    }

    /** The evidence lines shown for a diagnosis, in reading order, at most {@link #MAX_EVIDENCE}. */
    List<Provenance> evidence(Diagnosis d) {
        return evidence.getOrDefault(d, List.of());
    }

    /** How many evidence lines of a diagnosis are not shown. */
    int evidenceLeftOut(Diagnosis d) {
        return d.evidence().size() - evidence(d).size();
    }

    /** The share of SMC sockets as a whole percentage, e.g. {@code 43 %}; empty when there is no socket. */
    Optional<String> smcShare() {
        long all = report.stats().sockets();
        if (all <= 0) {
            return Optional.empty();
        }
        return Optional.of(Math.round(100.0 * report.stats().smcSockets() / all) + " %");
    }

    /** Fallback sockets in the listings (each socket once, whatever its codes). */
    long fallbackSockets() {
        return report.stats().sockets() - report.stats().smcSockets();
    }

    /** The diagnoses' reason codes as smcss writes them: {@code 0x05000000/0x03030008} for one declined pair. */
    static String codes(Diagnosis d) {
        List<Integer> codes = d.reasonCodes();
        boolean pair = codes.size() == 2 && codes.get(0) == Codes.PEERDECL;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codes.size(); i++) {
            sb.append(i == 0 ? "" : pair ? "/" : ", ").append(ReasonCode.hex(codes.get(i)));
        }
        return sb.toString();
    }

    /** Confidence with two decimals, as the text report prints it. */
    static String confidence(Diagnosis d) {
        return String.format(Locale.ROOT, "%.2f", d.confidence());
    }

    /** The host name of {@code uname -a} ("Linux NAME RELEASE ..."); empty for {@code uname -r}. */
    private static Optional<String> hostName(KernelRelease kr) {
        String[] t = kr.provenance().text().strip().split("\\s+");
        if (t.length >= 3 && t[0].equals("Linux") && t[2].equals(kr.release())) {
            return Optional.of(t[1]);
        }
        return Optional.empty();
    }

    /** One line of each evidence file first (the independent facts), then the rest in order; capped. */
    private static Map<Diagnosis, List<Provenance>> shownEvidence(DiagnosisReport report) {
        Map<Diagnosis, List<Provenance>> out = new LinkedHashMap<>();
        for (Diagnosis d : report.diagnoses()) {
            List<Provenance> first = new ArrayList<>();
            List<Provenance> rest = new ArrayList<>();
            Set<String> sources = new HashSet<>();
            for (Provenance p : new LinkedHashSet<>(d.evidence())) {
                (sources.add(p.source()) ? first : rest).add(p);
            }
            first.addAll(rest);
            out.put(d, List.copyOf(first.subList(0, Math.min(first.size(), MAX_EVIDENCE))));
        }
        return out;
    }

    /** The lines the reports show, by source: what to read again. */
    private static Map<String, Set<Integer>> cited(DiagnosisReport report) {
        Map<String, Set<Integer>> cited = new TreeMap<>();
        shownEvidence(report).values().forEach(list -> list.stream().filter(p -> p.line() > 0)
                .forEach(p -> cited.computeIfAbsent(p.source(), s -> new TreeSet<>()).add(p.line())));
        return cited;
    }

    private static List<FallbackRow> fallbackRows(Evidence ev, Catalog catalog, DiagnosisReport report,
                                                  boolean socketsKnown, boolean countersKnown) {
        Map<Integer, Long> sockets = ev.sockets().byCode();
        Map<Integer, Long> counters = FallbackCounter.totalsByCode(ev.facts(FallbackCounter.class));
        Set<Integer> codes = new TreeSet<>(sockets.keySet());
        codes.addAll(counters.keySet());
        codes.addAll(report.stats().fallbacks().keySet());
        List<FallbackRow> rows = new ArrayList<>();
        for (int code : codes) {
            Optional<ReasonCode> rc = catalog.reasonCode(code);
            String name = rc.map(r -> !r.statsName().isEmpty() ? r.statsName()
                    : r.name().startsWith("SMC_CLC_DECL_") ? r.name().substring("SMC_CLC_DECL_".length()) : r.name())
                    .orElse("");
            String title = rc.map(r -> r.title().get(report.language())).orElse("");
            rows.add(new FallbackRow(code, name, title,
                    socketsKnown ? sockets.getOrDefault(code, 0L) : SvgBarChart.UNKNOWN,
                    countersKnown ? counters.getOrDefault(code, 0L) : SvgBarChart.UNKNOWN));
        }
        rows.sort(Comparator.comparingLong(FallbackRow::sockets).reversed()
                .thenComparing(Comparator.comparingLong(FallbackRow::counters).reversed())
                .thenComparingInt(FallbackRow::code));
        return List.copyOf(rows);
    }
}
