package io.smcdoctor;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.Origin;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Support;
import io.smcdoctor.catalog.Symptom;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small in-test {@link Catalog}: the seed FAQ's full socket-option table ({@code catalog/sockopts-seed.tsv}) and
 * the two fallback reason codes it names. Stands in for the bundled catalog until that lands.
 */
public final class SeedSockoptCatalog implements Catalog {
    private static final Pattern HEX = Pattern.compile("0[xX]([0-9a-fA-F]{1,8})");

    private final List<SocketOption> options;
    private final List<ReasonCode> codes;

    private SeedSockoptCatalog(List<SocketOption> options, List<ReasonCode> codes) {
        this.options = options;
        this.codes = codes;
    }

    /** The seed table. */
    public static SeedSockoptCatalog seed() {
        List<SocketOption> options = new ArrayList<>();
        try (InputStream in = SeedSockoptCatalog.class.getResourceAsStream("/catalog/sockopts-seed.tsv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<Integer> fb = f[4].isEmpty() ? List.of() : List.of(Integer.parseUnsignedInt(f[4].substring(2), 16));
                List<String> aliases = f[5].isEmpty() ? List.of() : List.of(f[5].split(","));
                options.add(new SocketOption(SockoptLevel.valueOf(f[0]), f[1], Integer.parseInt(f[2]),
                        Support.valueOf(f[3]), fb, aliases,
                        new LocalizedText("Test note for " + f[1] + ".", f[1] + " のテスト注記。"),
                        List.<KernelNote>of(), List.of("seed: sockopt table")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.sort(Comparator.comparing(SocketOption::level).thenComparingInt(SocketOption::value));
        List<ReasonCode> codes = List.of(
                code(0x03010001, "SMC_CLC_DECL_ACTIVE", "Local policy or unsupported option: fallback",
                        "ローカルポリシーまたは未サポートのオプションによるフォールバック"),
                code(0x03060000, "SMC_CLC_DECL_OPTUNSUPP", "Fastopen sockopt not supported",
                        "Fastopen ソケットオプションはサポートされていません"));
        return new SeedSockoptCatalog(List.copyOf(options), codes);
    }

    private static ReasonCode code(int value, String name, String en, String ja) {
        return new ReasonCode(value, name, "", new LocalizedText(en, ja), new LocalizedText(en, ja), Side.LOCAL,
                Origin.MAINLINE, false, List.<Cause>of(), List.of(), List.of(), List.of("test"));
    }

    @Override
    public List<ReasonCode> reasonCodes() {
        return codes;
    }

    @Override
    public List<Symptom> symptoms() {
        return List.of();
    }

    @Override
    public List<SocketOption> socketOptions() {
        return options;
    }

    @Override
    public Optional<ReasonCode> reasonCode(int code) {
        return codes.stream().filter(c -> c.code() == code).findFirst();
    }

    @Override
    public List<ReasonCode> reasonCodes(String userText) {
        return parseCodes(userText).stream().map(this::reasonCode).flatMap(Optional::stream)
                .collect(Collectors.toList());
    }

    @Override
    public List<Integer> parseCodes(String userText) {
        List<Integer> out = new ArrayList<>();
        Matcher m = HEX.matcher(userText);
        while (m.find()) {
            out.add(Integer.parseUnsignedInt(m.group(1), 16));
        }
        return out;
    }

    @Override
    public Optional<SocketOption> socketOption(String name) {
        String n = name.trim();
        int colon = n.indexOf(':');
        if (colon > 0) {
            Optional<SockoptLevel> level = SockoptLevel.parse(n.substring(0, colon));
            return level.flatMap(l -> socketOption(l, n.substring(colon + 1)));
        }
        return options.stream().filter(o -> matches(o, n)).findFirst();
    }

    @Override
    public Optional<SocketOption> socketOption(SockoptLevel level, String name) {
        return options.stream().filter(o -> o.level() == level && matches(o, name.trim())).findFirst();
    }

    @Override
    public Optional<SocketOption> socketOption(SockoptLevel level, int value) {
        return options.stream().filter(o -> o.level() == level && o.value() == value).findFirst();
    }

    private static boolean matches(SocketOption o, String name) {
        return o.name().equalsIgnoreCase(name) || o.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name));
    }

    @Override
    public Optional<Symptom> symptom(String id) {
        return Optional.empty();
    }

    @Override
    public Optional<Cause> cause(String id) {
        return Optional.empty();
    }

    @Override
    public List<String> suggestions(String input, int limit) {
        String in = input.toUpperCase(Locale.ROOT);
        return options.stream().map(SocketOption::name)
                .filter(n -> distance(n, in) <= Math.max(2, in.length() / 4))
                .sorted(Comparator.comparingInt((String n) -> distance(n, in)).thenComparing(n -> n))
                .limit(limit).collect(Collectors.toList());
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    @Override
    public String toString() {
        return "SeedSockoptCatalog" + Arrays.asList(options.size(), codes.size());
    }
}
