package io.smcdoctor.evidence.internal;

import io.smcdoctor.evidence.facts.SourceKind;
import io.smcdoctor.evidence.internal.EvidenceSpec.Invocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the command lines people leave in pasted output: a shell prompt and the command
 * ({@code $ smcss -a}, {@code # smcr -d stats}, {@code [root@t8345011 ~]# lsmod | grep smc}, {@code host:~ # smc_pnet -s},
 * {@code root@h:~# ip a}, {@code /# smcss} in a container) or the bare command of a tool the registry knows
 * ({@code smcr device}, {@code smc_chk -C 10.44.30.50}). The kind of the output that follows comes from the registry's
 * {@link Invocation}s, after wrappers are taken off ({@code sudo}, {@code ip netns exec NS}, {@code watch -n 1},
 * {@code timeout 5}, {@code env A=B}, {@code kubectl exec POD --}, {@code docker exec C}, {@code nsenter ... --}).
 */
final class CommandLines {
    /**
     * A prompt and the command after it. Strong prompts ({@code $ }, {@code [user@host dir]# }, {@code user@host:dir$ })
     * mark a command whatever it runs; weak ones ({@code # }, {@code % }, {@code host:~ # }, {@code sh-4.4# }) only
     * when the command is a tool we know, because {@code # } also starts comments.
     */
    static final Pattern STRONG = Pattern.compile(
            "^(?:\\$|\\[[^\\]]{1,80}\\]\\s?[#$%]|[\\w.-]{1,64}@[\\w.-]{1,64}(?::[^\\s#$%]{0,80})?\\s?[#$%])\\s+(\\S.*)$");
    static final Pattern WEAK = Pattern.compile(
            "^(?:[#%]|[\\w.-]{1,64}:[^\\s#$%]{0,80}\\s?[#$%>]|[\\w.-]{1,64}[#$%]|[/~][^\\s#$%]{0,80}\\s?[#$])\\s+(\\S.*)$");
    /** Programs commonly run around the evidence tools: a prompt before them is a command line too. */
    private static final Set<String> OTHER_TOOLS = Set.of("cat", "grep", "egrep", "less", "more", "tail", "head", "awk",
            "sed", "echo", "ls", "modprobe", "rmmod", "insmod", "modinfo", "smc_run", "smc_rnics", "smc", "ss", "netstat",
            "ping", "qperf", "iperf", "iperf3", "sockperf", "netperf", "ethtool", "lspci", "ibv_devices", "ibstat",
            "ibv_rc_pingpong", "rping", "nginx", "wrk", "curl", "redis-server", "redis-benchmark", "memtier_benchmark",
            "sysbench", "java", "python", "python3", "perf", "strace", "ltrace", "tcpdump", "systemctl", "service",
            "docker", "kubectl", "crictl", "crash", "cd", "export", "mount", "ip6tables", "iptables", "nft", "dnf",
            "yum", "apt", "apt-get", "rpm", "dpkg", "make", "git", "vi", "vim", "nano", "firewall-cmd", "hostname",
            "date", "whoami", "id");
    private static final Set<String> WRAPPERS = Set.of("sudo", "doas", "time", "nice", "ionice", "stdbuf", "command",
            "exec", "nohup", "chrt", "taskset");

    /**
     * A command line.
     *
     * @param tool   the program's base name ({@code smcss}), lower case
     * @param args   the arguments up to a pipe, redirection or comment
     * @param piped  true when the output went through a pipe ({@code | grep smc}): it may be filtered
     * @param kind   the evidence kind its output is, when the registry knows the invocation
     * @param strong true when a prompt marked it (not a bare command)
     */
    record Command(String tool, List<String> args, boolean piped, Optional<SourceKind> kind, boolean strong) {
        /** The command as typed, for messages. */
        String text() {
            return args.isEmpty() ? tool : tool + " " + String.join(" ", args);
        }
    }

    private CommandLines() {
    }

    /**
     * A cheap test whether {@link #parse(String)} can find a command on a left-stripped line: it starts with a prompt
     * character, a lower-case word (a bare command) or a path, or a prompt mark followed by a blank appears in its
     * first 120 characters. Lines of tool output (smcss rows, dmesg lines) fail it after a few character tests.
     */
    static boolean candidate(String t) {
        if (t.isEmpty()) {
            return false;
        }
        char c = t.charAt(0);
        if (c == '$' || c == '#' || c == '%' || c == '/' || c == '~' || Character.isLowerCase(c)) {
            return true;
        }
        int n = Math.min(t.length() - 1, 120);
        for (int i = 1; i < n; i++) {
            char d = t.charAt(i);
            if ((d == '#' || d == '$' || d == '%' || d == '>') && t.charAt(i + 1) == ' ') {
                return true;
            }
        }
        return t.length() <= 121 && "#$%>".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    /** The command on a cleaned, left-stripped line, if the line is one. */
    static Optional<Command> parse(String stripped) {
        if (stripped.isEmpty() || stripped.length() > 512) {
            return Optional.empty();
        }
        char c = stripped.charAt(0);
        boolean promptable = c == '$' || c == '#' || c == '%' || c == '[' || c == '/' || c == '~'
                || stripped.indexOf("# ") > 0 || stripped.indexOf("$ ") > 0 || stripped.indexOf("% ") > 0
                || stripped.indexOf("> ") > 0;
        if (promptable && promptShaped(stripped)) {
            Matcher m = STRONG.matcher(stripped);
            if (m.matches()) {
                Command cmd = command(m.group(1), true);
                if (cmd != null) {
                    return Optional.of(cmd);
                }
            }
            m = WEAK.matcher(stripped);
            if (m.matches()) {
                Command cmd = command(m.group(1), true);
                if (cmd != null && (cmd.kind().isPresent() || OTHER_TOOLS.contains(cmd.tool()))) {
                    return Optional.of(cmd);
                }
            }
        }
        if (Character.isLowerCase(c) || c == '/') {
            return bare(stripped);
        }
        return Optional.empty();
    }

    /**
     * False when neither {@link #STRONG} nor {@link #WEAK} can match, decided without a regular expression: each of
     * their prompts starts with one of {@code $ [ # % / ~}, or with a run of {@code [\w.-]} characters followed at
     * once by one of {@code @ : # $ %} (the run cannot end elsewhere: those are not {@code [\w.-]}). A row of
     * {@code smcss -d} has a {@code "> "} (its Shutd column {@code <->}), which passes the cheaper tests before, and
     * starts with its state and a blank: a million such rows no longer run both expressions (0.4 s of CPU).
     * {@code SmcssFastRows} relies on this: a row that starts with a state and a blank is never a command line.
     */
    static boolean promptShaped(String s) {
        char c = s.charAt(0);
        if (c == '$' || c == '[' || c == '#' || c == '%' || c == '/' || c == '~') {
            return true;
        }
        int n = s.length();
        int i = 0;
        while (i < n && wordChar(s.charAt(i))) {
            i++;
        }
        if (i == 0 || i == n) {
            return false;
        }
        char d = s.charAt(i);
        return d == '@' || d == ':' || d == '#' || d == '$' || d == '%';
    }

    /** {@code [\w.-]} as {@link Pattern} reads it without flags: ASCII letters, digits, underscore, dot, hyphen. */
    private static boolean wordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                || c == '-';
    }

    /** A line that is only the command of a known tool, without prompt: {@code smcr device}, {@code smcss}. */
    private static Optional<Command> bare(String stripped) {
        char last = stripped.charAt(stripped.length() - 1);
        if (stripped.length() > 200 || last == '.' || last == ',' || last == ';' || last == ':' || last == '?'
                || last == '!' || last == ')') {
            return Optional.empty(); // the end of a sentence, not a command line
        }
        int sp = stripped.indexOf(' ');
        String first = baseName(sp < 0 ? stripped : stripped.substring(0, sp));
        if (!EvidenceSpecs.tools().contains(first) && !WRAPPERS.contains(first) && !first.equals("ip")) {
            return Optional.empty();
        }
        Command cmd = command(stripped, false);
        if (cmd == null || cmd.kind().isEmpty()) {
            return Optional.empty();
        }
        // every argument must look like one (an option, the object, an address, a number, a path): prose such as
        // "smcss shows nothing" is not a command
        String object = firstPositional(cmd.args());
        boolean objectIsSubcommand = EvidenceSpecs.of(cmd.kind().get()).invocations().stream()
                .anyMatch(i -> i.tool().equals(cmd.tool()) && !i.object().isEmpty() && i.matchesObject(object));
        for (String a : cmd.args()) {
            if (a.endsWith(",") || a.endsWith(".") || !argumentLike(a) && !(objectIsSubcommand && a.equalsIgnoreCase(object))) {
                return Optional.empty();
            }
        }
        return Optional.of(cmd);
    }

    private static boolean argumentLike(String a) {
        if (a.startsWith("-") || a.startsWith("'") || a.startsWith("\"")) {
            return true;
        }
        for (int i = 0; i < a.length(); i++) {
            char ch = a.charAt(i);
            boolean last = i == a.length() - 1;
            if (Character.isDigit(ch) || ch == '/' || ch == '=' || ch == '_' || (!last && (ch == '.' || ch == ':'))) {
                return true;
            }
        }
        switch (a) {
            case "show": case "all": case "link-show": case "json": case "reset": case "ibdev": case "netdev":
            case "type": case "smcr": case "smcd": case "exec": case "netns":
                return true;
            default:
                return false;
        }
    }

    /** The command after a prompt (or a bare line), wrappers taken off; null when it is empty. */
    private static @Nullable Command command(String text, boolean strong) {
        List<String> words = new ArrayList<>();
        boolean piped = false;
        for (String w : text.trim().split("\\s+")) {
            if (w.isEmpty()) {
                continue;
            }
            if (w.startsWith("#") || w.equals(";") || w.equals("&&") || w.equals("||") || w.startsWith(">")
                    || w.startsWith("2>") || w.startsWith("&>")) {
                break;
            }
            if (w.startsWith("|")) {
                piped = true;
                break;
            }
            if (w.endsWith(";")) {
                words.add(w.substring(0, w.length() - 1));
                break;
            }
            words.add(unquote(w));
            if (words.size() > 32) {
                break;
            }
        }
        int i = unwrap(words);
        if (i >= words.size()) {
            return null;
        }
        String tool = baseName(words.get(i));
        if (tool.isEmpty()) {
            return null;
        }
        List<String> args = List.copyOf(words.subList(i + 1, words.size()));
        return new Command(tool, args, piped, kindOf(tool, args), strong);
    }

    /** The index of the real command in {@code words}, after wrappers and their options. */
    private static int unwrap(List<String> w) {
        int i = 0;
        int guard = 0;
        while (i < w.size() && guard++ < 16) {
            String t = baseName(w.get(i));
            if (WRAPPERS.contains(t)) {
                i++;
                while (i < w.size() && w.get(i).startsWith("-")) {
                    i += optionTakesValue(t, w.get(i)) ? 2 : 1;
                }
            } else if (t.equals("env")) {
                i++;
                while (i < w.size() && (w.get(i).startsWith("-") || w.get(i).contains("="))) {
                    i++;
                }
            } else if (w.get(i).contains("=") && !w.get(i).startsWith("-") && i + 1 < w.size()) {
                i++; // VAR=value cmd
            } else if (t.equals("watch") || t.equals("timeout")) {
                i++;
                while (i < w.size() && (w.get(i).startsWith("-") || SmcText.decimal(w.get(i).replace(".", "")
                        .replace("s", "")) >= 0)) {
                    i += w.get(i).equals("-n") ? 2 : 1;
                }
            } else if (t.equals("ip") && i + 3 < w.size() && w.get(i + 1).equals("netns") && w.get(i + 2).equals("exec")) {
                i += 4; // ip netns exec NS cmd
            } else if (t.equals("ip") && i + 2 < w.size() && w.get(i + 1).equals("-n")) {
                // "ip -n NS addr": the namespace option of ip itself, keep ip
                return i;
            } else if (t.equals("nsenter") || t.equals("kubectl") || t.equals("docker") || t.equals("crictl")
                    || t.equals("podman")) {
                int dd = w.indexOf("--");
                if (dd > i) {
                    i = dd + 1;
                } else if ((t.equals("docker") || t.equals("podman") || t.equals("crictl")) && i + 1 < w.size()
                        && w.get(i + 1).equals("exec")) {
                    int j = i + 2;
                    while (j < w.size() && w.get(j).startsWith("-")) {
                        j++;
                    }
                    i = j + 1; // docker exec [opts] CONTAINER cmd
                } else {
                    return i;
                }
            } else {
                return i;
            }
        }
        return i;
    }

    private static boolean optionTakesValue(String wrapper, String option) {
        return (wrapper.equals("sudo") && (option.equals("-u") || option.equals("-g")))
                || (wrapper.equals("nice") && option.equals("-n")) || (wrapper.equals("taskset") && option.equals("-c"));
    }

    /** The kind the registry gives for a tool and its arguments, if any. */
    static Optional<SourceKind> kindOf(String tool, List<String> args) {
        String object = firstPositional(args);
        if (tool.equals("cat") || tool.equals("less") || tool.equals("more") || tool.equals("tail")
                || tool.equals("head")) {
            // "cat smcss.txt", "cat /proc/modules": the file says what it holds
            for (String a : args) {
                if (!a.startsWith("-")) {
                    Optional<SourceKind> byName = EvidenceSpecs.ofFileName(a);
                    if (byName.isPresent()) {
                        return byName;
                    }
                }
            }
        }
        for (EvidenceSpec spec : EvidenceSpecs.all()) {
            for (Invocation inv : spec.invocations()) {
                if (!inv.tool().equals(tool)) {
                    continue;
                }
                String arg = inv.exact() ? lastPositional(args) : object;
                if (inv.matchesObject(arg)) {
                    return Optional.of(spec.kind());
                }
            }
        }
        return Optional.empty();
    }

    /** The first argument that is not an option ({@code ""} when none). */
    static String firstPositional(List<String> args) {
        for (String a : args) {
            if (!a.startsWith("-")) {
                return a.toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    private static String lastPositional(List<String> args) {
        for (int i = args.size() - 1; i >= 0; i--) {
            if (!args.get(i).startsWith("-")) {
                return args.get(i);
            }
        }
        return "";
    }

    private static String baseName(String word) {
        String w = unquote(word);
        int slash = w.lastIndexOf('/');
        return (slash >= 0 && slash < w.length() - 1 ? w.substring(slash + 1) : w).toLowerCase(Locale.ROOT);
    }

    private static String unquote(String w) {
        if (w.length() >= 2 && (w.charAt(0) == '\'' || w.charAt(0) == '"') && w.charAt(w.length() - 1) == w.charAt(0)) {
            return w.substring(1, w.length() - 1);
        }
        return w;
    }
}
