package io.smcdoctor.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kernel a socket-option verdict is asked for: a release as {@code uname -r} prints it ({@code 6.12.9},
 * {@code 6.12.117+deb12-amd64}, {@code 5.10.134-16.al8.x86_64}), a mainline series ({@code 6.12}), the seed FAQ's
 * kernels ({@code seed}: Alibaba Cloud Linux 3), or {@link #ANY} when nothing is known.
 *
 * <p>What a release string tells: Alibaba Cloud Linux / Anolis releases ({@code .al7}, {@code .al8}, {@code .alnx},
 * {@code .an7}, {@code .an8}) are {@link Kind#SEED} (Alibaba's own SMC code; their numbers are not compared with
 * mainline's). Enterprise kernels that backport heavily ({@code .el} RHEL, {@code -default} SUSE) are
 * {@link Kind#VENDOR}: their version says little, so every verdict stays possible. Other releases are
 * {@link Kind#MAINLINE}. Debian and Ubuntu number their stable kernels {@code 6.1.0-18-amd64} /
 * {@code 5.15.0-91-generic} (the ABI, not the stable patch level), so a patch level {@code 0} followed by
 * {@code -N} counts as unknown; the real level ({@code Debian 6.1.76-1}) is in {@code uname -v}. A release
 * candidate ({@code 6.13.0-rc3}) belongs to its series but is not yet its release.
 *
 * @param text       what was given, for messages
 * @param kind       which family of kernels
 * @param major      mainline major number, or {@code -1} when unknown
 * @param minor      mainline minor number, or {@code -1} when unknown
 * @param patch      stable patch level, or {@code -1} when unknown
 * @param preRelease true for a release candidate or linux-next build of the series
 */
public record TargetKernel(String text, Kind kind, int major, int minor, int patch, boolean preRelease) {
    /** Nothing is known about the kernel: every verdict is possible. */
    public static final TargetKernel ANY = new TargetKernel("", Kind.ANY, -1, -1, -1, false);

    private static final Pattern RELEASE = Pattern.compile("^(\\d{1,2})\\.(\\d{1,3})(?:\\.(\\d{1,4}))?(.*)$");
    private static final Pattern ALIBABA = Pattern.compile("\\.(al7|al8|alnx|an7|an8|an23)\\b");
    private static final Pattern ABI_SUFFIX = Pattern.compile("^-\\d+(?:[-.+].*)?$");
    private static final Pattern PRE_RELEASE = Pattern.compile("(?i)-rc\\d+|-next-");

    /** Families of kernels, as far as socket-option verdicts go. */
    public enum Kind {
        /** Unknown: no kernel was given. */
        ANY,
        /** The seed FAQ's kernels: Alibaba Cloud Linux / Anolis, with Alibaba's SMC additions. */
        SEED,
        /** Mainline and kernels that follow its SMC code and numbering (kernel.org, Debian, Ubuntu, Fedora). */
        MAINLINE,
        /** An enterprise kernel with heavy backports (RHEL, SUSE): its number does not say which changes it has. */
        VENDOR
    }

    public TargetKernel {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        if ((major < 0) != (minor < 0) || (patch >= 0 && major < 0)) {
            throw new IllegalArgumentException("a patch level needs a series, a series needs both numbers");
        }
    }

    /**
     * Parses a kernel as given by a user or a bundle: {@code seed} (also {@code alibaba}, {@code alinux3}),
     * {@code mainline} / {@code upstream} (mainline, version unknown), {@code upstream-6.12}, {@code any}, or a
     * release string. Empty for text that is none of these.
     */
    public static Optional<TargetKernel> parse(String value) {
        Objects.requireNonNull(value, "value");
        String v = value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "":
            case "any":
            case "all":
                return Optional.of(ANY);
            case "seed":
            case "alibaba":
            case "alinux":
            case "alinux3":
                return Optional.of(new TargetKernel(v, Kind.SEED, -1, -1, -1, false));
            case "mainline":
            case "upstream":
                return Optional.of(new TargetKernel(v, Kind.MAINLINE, -1, -1, -1, false));
            default:
                break;
        }
        String release = lower.startsWith("upstream-") ? lower.substring("upstream-".length())
                : lower.startsWith("linux-") ? lower.substring("linux-".length()) : lower;
        Matcher m = RELEASE.matcher(release);
        if (!m.matches()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        int patch = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
        String rest = m.group(4);
        if (!rest.isEmpty() && Character.isLetterOrDigit(rest.charAt(0))) {
            return Optional.empty();
        }
        Kind kind = Kind.MAINLINE;
        if (ALIBABA.matcher(rest).find()) {
            kind = Kind.SEED;
        } else if (rest.contains(".el") || rest.contains("-default") || rest.contains(".sles")) {
            kind = Kind.VENDOR;
        }
        boolean pre = PRE_RELEASE.matcher(rest).find();
        if (patch == 0 && ABI_SUFFIX.matcher(rest).matches()) {
            patch = -1;
        }
        return Optional.of(new TargetKernel(v, kind, major, minor, patch, pre));
    }

    /** True when the mainline series ({@code major.minor}) is known. */
    public boolean seriesKnown() {
        return major >= 0;
    }

    /**
     * Compares this kernel's series with a {@code major.minor} release: negative when older, 0 for the same series,
     * positive when newer. Only for a kernel whose series is known.
     */
    public int compareSeries(String release) {
        if (!seriesKnown()) {
            throw new IllegalStateException("series unknown: " + text);
        }
        String[] p = release.split("\\.");
        int c = Integer.compare(major, Integer.parseInt(p[0]));
        return c != 0 ? c : Integer.compare(minor, Integer.parseInt(p[1]));
    }

    /** How the kernel is named in messages: the text given, or what is known about it. */
    public LocalizedText label() {
        switch (kind) {
            case ANY:
                return new LocalizedText("any kernel", "カーネル指定なし");
            case SEED:
                return text.isEmpty() || !seriesKnown()
                        ? new LocalizedText("seed FAQ kernels (Alibaba Cloud Linux 3)",
                                "シード FAQ のカーネル (Alibaba Cloud Linux 3)")
                        : new LocalizedText("kernel " + text + " (Alibaba Cloud Linux)",
                                "カーネル " + text + " (Alibaba Cloud Linux)");
            default:
                return new LocalizedText("kernel " + text, "カーネル " + text);
        }
    }
}
