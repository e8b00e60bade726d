package io.smcdoctor.lsp;

import io.smcdoctor.SockoptAdvice;
import io.smcdoctor.SockoptAdvisor;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.TargetKernel;
import io.smcdoctor.engine.internal.project.OverCatalog;
import io.smcdoctor.lint.LintFinding;
import io.smcdoctor.lint.SourceScanner;
import io.smcdoctor.lint.SourceScanner.SourceLanguage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The socket-option knowledge the server uses: the advisor and the source scanner of the engine jar. This is the
 * only class of the language server that names engine types ({@code io.smcdoctor.SockoptAdvisor},
 * {@code io.smcdoctor.lint.*}); the rest sees {@link OptionEntry} and {@link OptionUse}. Thread-safe.
 */
final class SockoptKnowledge {
    /** LSP language ids (as VS Code, Neovim and eglot send them) of the languages the scanner reads. */
    private static final Map<String, SourceLanguage> LANGUAGE_IDS = Map.of(
            "c", SourceLanguage.C, "cpp", SourceLanguage.CPP, "c++", SourceLanguage.CPP,
            "java", SourceLanguage.JAVA, "go", SourceLanguage.GO, "python", SourceLanguage.PYTHON,
            "rust", SourceLanguage.RUST);

    private final Catalog catalog;
    private final SockoptAdvisor advisor;
    private final SourceScanner scanner;
    private final AtomicLong scans = new AtomicLong();

    private SockoptKnowledge(Catalog catalog) {
        this.catalog = catalog;
        // scanned for any kernel: every use that is a finding on some kernel; Analysis rates it for the target
        this.advisor = OverCatalog.sockoptAdvisor(catalog);
        this.scanner = SourceScanner.of(advisor);
    }

    static SockoptKnowledge of(Catalog catalog) {
        return new SockoptKnowledge(catalog);
    }

    Catalog catalog() {
        return catalog;
    }

    /** True when documents with this language id or URI are scanned (C/C++, Java, Go, Python, Rust). */
    static boolean supports(String languageId, String uri) {
        return language(languageId, uri).isPresent();
    }

    /** The comment and guard syntax of a document's language, if the scanner reads it. */
    static Optional<Syntax> syntax(String languageId, String uri) {
        return language(languageId, uri).map(l -> {
            switch (l) {
                case C:
                case CPP:
                    return Syntax.C;
                case PYTHON:
                    return Syntax.HASH;
                default:
                    return Syntax.SLASHES;
            }
        });
    }

    /** Known option names close to an unknown one, best first. */
    List<String> suggestions(String name) {
        return advisor.suggestions(name);
    }

    /** How many documents have been scanned so far (for tests of the cache). */
    long scans() {
        return scans.get();
    }

    /**
     * The socket options in a document that break (error) or degrade (warning) SMC on some kernel, in document order;
     * empty for a language the scanner does not read. Each use rates and words itself for a target kernel.
     */
    List<OptionUse> scan(String uri, String languageId, String text) {
        Optional<SourceLanguage> lang = language(languageId, uri);
        if (lang.isEmpty()) {
            return List.of();
        }
        scans.incrementAndGet();
        List<LintFinding> findings = scanner.scan(lang.get(), uri, text);
        if (findings.isEmpty()) {
            return List.of();
        }
        int[] lineStarts = newlineStarts(text);
        List<OptionUse> out = new ArrayList<>(findings.size());
        for (LintFinding f : findings) {
            if (f.line() > lineStarts.length) {
                continue;
            }
            int offset = Math.min(text.length(), lineStarts[f.line() - 1] + f.column() - 1);
            OptionEntry entry = entry(f.advice());
            SockoptAdvice advice = f.advice();
            int[] name = nameRange(text, offset, f.symbol(), f.subject(), entry.option());
            Map<TargetKernel, LocalizedText> messages = new ConcurrentHashMap<>();
            Function<TargetKernel, LocalizedText> messageOn = k -> messages.computeIfAbsent(k, x -> {
                LintFinding g = new LintFinding(f.file(), f.line(), f.column(), f.level(), f.usage(), f.symbol(),
                        on(advice, x));
                return new LocalizedText(g.message(Language.EN), g.message(Language.JA));
            });
            out.add(new OptionUse(name[0], name[1], f.subject(), usage(f.usage()), entry, messageOn));
        }
        return List.copyOf(out);
    }

    /**
     * The catalog entry for an option named in code: its name or an alias, case-insensitive, with or without a
     * level prefix; {@code MSG_FASTOPEN} gives the {@code TCP_FASTOPEN} entry.
     */
    Optional<OptionEntry> lookup(String name) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > 64) {
            return Optional.empty();
        }
        Optional<SockoptAdvice> advice = n.equalsIgnoreCase("MSG_FASTOPEN") ? advisor.checkSendFlagFastOpen()
                : advisor.check(n);
        return advice.map(this::entry);
    }

    /** Every option of the catalog, in catalog order. */
    List<OptionEntry> entries() {
        List<OptionEntry> out = new ArrayList<>();
        for (SocketOption o : catalog.socketOptions()) {
            advisor.check(o.level().name(), o.name()).map(this::entry).ifPresent(out::add);
        }
        return out;
    }

    private OptionEntry entry(SockoptAdvice a) {
        SocketOption option = catalog.socketOption(SockoptLevel.valueOf(a.level()), a.name()).orElseThrow();
        List<ReasonCode> reasons = new ArrayList<>();
        List<Integer> codes = new ArrayList<>(option.fallbackCodes());
        option.kernelVerdicts().forEach(v -> codes.addAll(v.fallbackCodes()));
        for (int code : codes.stream().distinct().toList()) {
            catalog.reasonCode(code).ifPresent(reasons::add);
        }
        return new OptionEntry(option, reasons, k -> {
            SockoptAdvice on = on(a, k);
            return new LocalizedText(on.consequenceText(Language.EN), on.consequenceText(Language.JA));
        });
    }

    /** The same option's advice for another kernel. */
    private SockoptAdvice on(SockoptAdvice a, TargetKernel kernel) {
        return advisor.forKernel(kernel.text()).check(a.level(), a.name()).orElseThrow();
    }

    private static OptionUse.Usage usage(LintFinding.Usage u) {
        switch (u) {
            case GET:
                return OptionUse.Usage.GET;
            case SEND_FLAG:
                return OptionUse.Usage.SEND_FLAG;
            default:
                return OptionUse.Usage.SET;
        }
    }

    private static Optional<SourceLanguage> language(String languageId, String uri) {
        SourceLanguage byId = LANGUAGE_IDS.get(languageId.toLowerCase(Locale.ROOT));
        if (byId != null) {
            return Optional.of(byId);
        }
        String path = uri;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        return SourceLanguage.fromFileName(path.substring(path.lastIndexOf('/') + 1));
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    /** Start offsets of the lines as the scanner counts them (after each '\n'). */
    private static int[] newlineStarts(String s) {
        int[] starts = new int[64];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * The range of the option name inside the expression the scanner reported ({@code socket.TCP_FASTOPEN},
     * {@code libc::TCP_FASTOPEN as i32}, {@code (int) 23}, {@code set_keepalive}): the token that is the option's
     * name, alias or number, else the last upper-case constant (Java's {@code TCP_KEEPINTERVAL}), else the whole
     * expression.
     */
    static int[] nameRange(String text, int start, String symbol, String subject, SocketOption option) {
        int end = expressionEnd(text, start, symbol);
        int constStart = -1;
        int constEnd = -1;
        int i = start;
        while (i < end) {
            if (!isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < end && isWordChar(text.charAt(j))) {
                j++;
            }
            String token = text.substring(i, j);
            if (token.equalsIgnoreCase(subject) || token.equalsIgnoreCase(option.name())
                    || option.aliases().stream().anyMatch(token::equalsIgnoreCase)
                    || numberEquals(token, option.value())) {
                return new int[] {i, j};
            }
            if (token.indexOf('_') > 0 && token.equals(token.toUpperCase(Locale.ROOT))
                    && Character.isLetter(token.charAt(0))) {
                constStart = i;
                constEnd = j;
            }
            i = j;
        }
        return constStart >= 0 ? new int[] {constStart, constEnd} : new int[] {start, Math.max(start, end)};
    }

    /** End of the reported expression in the original text: the symbol's non-blank characters matched in order. */
    private static int expressionEnd(String text, int start, String symbol) {
        if (text.startsWith(symbol, start)) {
            return start + symbol.length();
        }
        int need = 0;
        for (int k = 0; k < symbol.length(); k++) {
            if (!Character.isWhitespace(symbol.charAt(k))) {
                need++;
            }
        }
        int i = start;
        int limit = Math.min(text.length(), start + symbol.length() + 256);
        while (i < limit && need > 0) {
            if (!Character.isWhitespace(text.charAt(i))) {
                need--;
            }
            i++;
        }
        return i;
    }

    private static boolean numberEquals(String token, int value) {
        if (!Character.isDigit(token.charAt(0))) {
            return false;
        }
        try {
            return (token.startsWith("0x") || token.startsWith("0X")
                    ? Long.parseLong(token.substring(2), 16) : Long.parseLong(token)) == value;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean isWordChar(char c) {
        return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }
}
