package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.HostIdentity;
import io.smcdoctor.evidence.facts.KernelRelease;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code uname -a} (GNU coreutils or busybox), {@code uname -r} and {@code uname -sr[m]} output into one
 * {@link KernelRelease} (and, for {@code uname -a}, the node name as a {@link HostIdentity}). The distribution is
 * derived from the release string ({@link #distribution(String)}); the
 * machine comes from the {@code -a} form. Only the first recognised line counts; a later line naming another
 * release is reported as a warning.
 */
final class UnameParser implements TextParser {
    private static final Pattern RELEASE = Pattern.compile("\\d+\\.\\d+[\\w.+~\\-]*");
    private static final Pattern MACHINE = Pattern.compile(
            "x86_64|amd64|i[3-6]86|aarch64|arm64|armv\\w+|s390x?|ppc64(?:le)?|ppc|riscv64|loongarch64|mips\\w*|sparc64"
                    + "|ia64|alpha|parisc\\w*");
    private static final Pattern AL = Pattern.compile("\\.al(\\d+)(?:[._]|$)");
    private static final Pattern ALNX = Pattern.compile("\\.alnx(\\d+)(?:[._]|$)");
    private static final Pattern AN = Pattern.compile("\\.an(\\d+)(?:[._]|$)");
    private static final Pattern EL = Pattern.compile("\\.el(\\d+)");
    private static final Pattern FC = Pattern.compile("\\.fc(\\d+)(?:[._]|$)");
    private static final Pattern DEB = Pattern.compile("[+~]deb(\\d+)");

    @Override
    public LineSink open(ParseContext ctx) {
        return HostText.content(new LineSink() {
            private String release = "";

            @Override
            public void line(int number, String line) {
                List<String> t = HostText.tokens(line);
                String rel;
                String machine = "";
                String node = "";
                if (t.size() == 1 && RELEASE.matcher(t.get(0)).matches()) {
                    rel = t.get(0);
                } else if (t.size() >= 4 && t.get(0).equals("Linux") && t.get(3).startsWith("#")
                        && RELEASE.matcher(t.get(2)).matches()) {
                    rel = t.get(2);
                    machine = machine(t);
                    node = t.get(1);
                } else if (t.size() >= 2 && t.get(0).equals("Linux") && RELEASE.matcher(t.get(1)).matches()) {
                    rel = t.get(1);
                    machine = t.size() >= 3 && MACHINE.matcher(t.get(2)).matches() ? t.get(2) : "";
                } else if (t.size() >= 3 && t.get(0).equals("Linux") && RELEASE.matcher(t.get(2)).matches()) {
                    rel = t.get(2);
                    machine = machine(t);
                    node = t.get(1);
                } else {
                    if (!ToolErrors.record(ctx, "uname", number, line)) {
                        ctx.warn(number, "not uname output: " + HostText.excerpt(line));
                    }
                    return;
                }
                if (!release.isEmpty()) {
                    if (!release.equals(rel)) {
                        ctx.warn(number, "second kernel release " + rel + " ignored; using " + release);
                    }
                    return;
                }
                release = rel;
                ctx.add(new KernelRelease(ctx.at(number, line), rel, machine, distribution(rel)));
                if (!node.isEmpty()) {
                    // uname -a: "Linux <nodename> <release> #<version> ..." (coreutils and busybox print the same order)
                    ctx.add(new HostIdentity(ctx.at(number, line), node, Optional.empty()));
                }
            }
        });
    }

    /**
     * The machine of {@code uname -a}: after the version come machine, [processor], [hardware platform] and the
     * operating system; this takes the left-most architecture name of that tail.
     */
    private static String machine(List<String> t) {
        int i = t.size() - 1;
        while (i > 2 && (t.get(i).contains("Linux") || t.get(i).equals("Android"))) {
            i--;
        }
        String found = "";
        while (i > 2 && (MACHINE.matcher(t.get(i)).matches() || t.get(i).equals("unknown"))) {
            if (!t.get(i).equals("unknown")) {
                found = t.get(i);
            }
            i--;
        }
        return found;
    }

    /**
     * The distribution a kernel release string belongs to: {@code alinux3} ({@code .al8}), {@code alinux2}
     * ({@code .al7}), {@code alinux4} ({@code .alnx4}), {@code anolisN} ({@code .anN}), {@code rhelN}
     * ({@code .elN}, also Oracle {@code elNuek}), {@code fedoraN}, {@code debianN} ({@code +debN}), {@code ubuntu}
     * ({@code -generic}, {@code -lowlatency}), {@code suse} ({@code -default}); {@code ""} when unknown.
     */
    static String distribution(String release) {
        Matcher m = AL.matcher(release);
        if (m.find()) {
            String v = m.group(1);
            // Alibaba Cloud Linux 3 kernels carry .al8 (RHEL 8 compatible), Alibaba Cloud Linux 2 .al7
            return v.equals("8") ? "alinux3" : v.equals("7") ? "alinux2" : "alinux-al" + v;
        }
        m = ALNX.matcher(release);
        if (m.find()) {
            return "alinux" + m.group(1);
        }
        m = AN.matcher(release);
        if (m.find()) {
            return "anolis" + m.group(1);
        }
        m = EL.matcher(release);
        if (m.find()) {
            return "rhel" + m.group(1);
        }
        m = FC.matcher(release);
        if (m.find()) {
            return "fedora" + m.group(1);
        }
        m = DEB.matcher(release);
        if (m.find()) {
            return "debian" + m.group(1);
        }
        if (release.endsWith("-generic") || release.endsWith("-lowlatency")) {
            return "ubuntu";
        }
        if (release.endsWith("-default")) {
            return "suse";
        }
        return "";
    }
}
