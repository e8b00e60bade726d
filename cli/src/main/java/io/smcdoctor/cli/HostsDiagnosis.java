package io.smcdoctor.cli;

import io.smcdoctor.Diagnoser;
import io.smcdoctor.HostEvidence;
import io.smcdoctor.MultiHostReport;
import io.smcdoctor.cli.report.PairDocument;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.KernelRelease;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code diagnose --host [LABEL=]PATH --host [LABEL=]PATH ...}: each host's bundle read on its own, the hosts diagnosed
 * together ({@link Diagnoser#diagnose(List)}). A bundle that cannot be read is named in a warning (stderr and the
 * report) and the other hosts are diagnosed without it; when no bundle can be read, or the same bundle is given twice,
 * the command fails with exit status 2.
 */
final class HostsDiagnosis {
    /** A label as {@link HostEvidence} accepts it. */
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private HostsDiagnosis() {
    }

    /** One {@code --host} value. */
    record HostArg(String label, Path path) {
    }

    /**
     * Parses the {@code --host} values: {@code LABEL=PATH}, or {@code PATH} alone (label: the bundle's file name
     * without {@code .tar.gz}/{@code .tgz}/{@code .zip}, else {@code hostN}).
     *
     * @throws UsageException for fewer than two hosts, a bad or repeated label, or the same path twice
     */
    static List<HostArg> parse(List<String> values) {
        if (values.size() < 2) {
            throw new UsageException("--host needs at least two hosts (--host client=PATH --host server=PATH); for"
                    + " one host give its PATH without --host");
        }
        List<HostArg> out = new ArrayList<>();
        Map<String, String> labels = new HashMap<>();
        Map<Path, String> paths = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            int eq = v.indexOf('=');
            String label;
            String path;
            if (eq > 0 && LABEL.matcher(v.substring(0, eq)).matches()) {
                label = v.substring(0, eq);
                path = v.substring(eq + 1);
            } else {
                path = v;
                label = defaultLabel(path, i + 1);
            }
            if (path.isEmpty()) {
                throw new UsageException("--host " + v + ": no PATH after '" + label + "='");
            }
            if (path.equals("-")) {
                throw new UsageException("--host " + v + ": each host is a bundle directory, archive or file; a paste"
                        + " on standard input ('-') is for one host (diagnose -)");
            }
            String earlier = labels.putIfAbsent(label.toLowerCase(Locale.ROOT), label);
            if (earlier != null) {
                if (eq > 0) {
                    throw new UsageException("the host label '" + label + "' is given twice; give each --host its own"
                            + " LABEL=");
                }
                label = "host" + (i + 1);
                labels.put(label, label);
            }
            Path p = Path.of(path);
            Path key = realPath(p);
            String same = paths.putIfAbsent(key, label);
            if (same != null) {
                throw new UsageException("the same bundle " + path + " is given for hosts '" + same + "' and '" + label
                        + "'; give each host its own bundle");
            }
            out.add(new HostArg(label, p));
        }
        return out;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | UncheckedIOException | SecurityException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String defaultLabel(String path, int n) {
        Path name = Path.of(path).getFileName();
        String base = name == null ? "" : name.toString();
        for (String ext : List.of(".tar.gz", ".tgz", ".zip")) {
            if (base.toLowerCase(Locale.ROOT).endsWith(ext)) {
                base = base.substring(0, base.length() - ext.length());
            }
        }
        return LABEL.matcher(base).matches() ? base : "host" + n;
    }

    /** Reads, diagnoses and renders; returns the text to print. */
    static String run(List<HostArg> hosts, Diagnoser diagnoser, CommonOptions.Format format, PrintWriter err,
                      String generator) {
        List<HostEvidence> evidence = new ArrayList<>();
        Map<String, String> kernels = new LinkedHashMap<>();
        RuntimeException firstFailure = null;
        int read = 0;
        for (HostArg h : hosts) {
            Evidence e;
            try {
                if (!Files.exists(h.path())) {
                    throw new EvidenceParseException(h.path() + ": no such file or directory");
                }
                e = EvidenceBundle.read(h.path());
                read++;
            } catch (EvidenceParseException | UncheckedIOException ex) {
                if (firstFailure == null) {
                    firstFailure = ex;
                }
                String why = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
                err.println("smc-doctor: warning: cannot read the bundle of host '" + h.label() + "' (" + why
                        + "); the other hosts are diagnosed without it");
                err.flush();
                e = Evidence.builder().warning(new ParseWarning(h.path().toString(), 0,
                        "the bundle could not be read: " + why)).build();
            }
            evidence.add(HostEvidence.of(h.label(), e));
        }
        if (read == 0) {
            throw firstFailure;
        }
        MultiHostReport report;
        try {
            report = diagnoser.diagnose(evidence);
        } catch (IllegalArgumentException ex) {
            throw new UsageException(ex.getMessage());
        }
        for (int i = 0; i < report.hosts().size(); i++) {
            String name = report.hosts().get(i).name();
            evidence.get(i).evidence().facts(KernelRelease.class).stream().map(KernelRelease::release)
                    .filter(r -> !r.isEmpty()).findFirst().ifPresent(r -> kernels.put(name, r));
        }
        switch (format) {
            case json:
                return report.toJson() + System.lineSeparator();
            case html:
                return PairDocument.of(report, kernels, generator).html();
            case markdown:
                return PairDocument.of(report, kernels, generator).markdown();
            default:
                return report.toText();
        }
    }
}
