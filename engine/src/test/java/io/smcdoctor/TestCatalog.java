package io.smcdoctor;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Cause;
import io.smcdoctor.catalog.Check;
import io.smcdoctor.catalog.LocalizedText;
import io.smcdoctor.catalog.Origin;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.Remedy;
import io.smcdoctor.catalog.Severity;
import io.smcdoctor.catalog.Side;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Symptom;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A catalog read from {@code catalog/test-catalog.txt}: the bundled catalog's ids with a few remedies. */
final class TestCatalog implements Catalog {
    private final Map<Integer, ReasonCode> codes = new LinkedHashMap<>();
    private final Map<String, Symptom> symptoms = new LinkedHashMap<>();
    private final Map<String, Cause> causes = new HashMap<>();

    private TestCatalog() {
    }

    static TestCatalog load() {
        String text;
        try (InputStream in = TestCatalog.class.getResourceAsStream("/catalog/test-catalog.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestCatalog c = new TestCatalog();
        Map<String, String[]> causeLines = new HashMap<>();
        List<String[]> codeLines = new ArrayList<>();
        List<String[]> symptomLines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\|", -1);
            switch (f[0]) {
                case "cause": causeLines.put(f[1], f); break;
                case "code": codeLines.add(f); break;
                case "symptom": symptomLines.add(f); break;
                default: throw new IllegalStateException("bad line " + line);
            }
        }
        for (String[] f : codeLines) {
            int code = Integer.parseUnsignedInt(f[1].substring(2), 16);
            List<Cause> cs = new ArrayList<>();
            for (String id : f[5].split(",")) {
                cs.add(c.cause(id, causeLines));
            }
            c.codes.put(code, new ReasonCode(code, f[2], f[3], t(f[2] + " title"), t("meaning of " + f[1]),
                    Side.valueOf(f[4].toUpperCase(Locale.ROOT)), Origin.MAINLINE, false, cs, List.of(), List.of(),
                    List.of("seed: " + f[1])));
        }
        for (String[] f : symptomLines) {
            List<Cause> cs = new ArrayList<>();
            for (String id : f[3].split(",")) {
                cs.add(c.cause(id, causeLines));
            }
            List<Integer> related = new ArrayList<>();
            for (String h : f[4].split(",")) {
                if (!h.isBlank()) {
                    related.add(Integer.parseUnsignedInt(h.substring(2), 16));
                }
            }
            c.symptoms.put(f[1], new Symptom(f[1], t(f[1]), t(f[1]), cs, related, Arrays.asList(f[2].split(";")),
                    List.of("seed: " + f[1])));
        }
        return c;
    }

    private Cause cause(String id, Map<String, String[]> lines) {
        return causes.computeIfAbsent(id, k -> {
            String[] f = lines.get(k);
            if (f == null) {
                return new Cause(k, t(k), t("detail of " + k), Severity.PROBLEM, List.of(), List.of(), false,
                        List.of("seed: " + k));
            }
            List<Remedy> remedies = List.of(new Remedy(new LocalizedText(f[5], "対処: " + f[5]),
                    f[6].isBlank() ? List.of() : Arrays.asList(f[6].split(";"))));
            List<Check> checks = f[7].isBlank() ? List.of()
                    : List.of(new Check(t("check " + k), List.of(f[7]), t("look for " + k)));
            return new Cause(k, new LocalizedText(f[4], "日本語: " + f[4]), t("detail of " + k),
                    Severity.valueOf(f[2].toUpperCase(Locale.ROOT)), checks, remedies, Boolean.parseBoolean(f[3]),
                    List.of("seed: " + k));
        });
    }

    private static LocalizedText t(String en) {
        return new LocalizedText(en, "日本語: " + en);
    }

    @Override
    public List<ReasonCode> reasonCodes() {
        return List.copyOf(codes.values());
    }

    @Override
    public List<Symptom> symptoms() {
        return List.copyOf(symptoms.values());
    }

    @Override
    public List<SocketOption> socketOptions() {
        return List.of();
    }

    @Override
    public Optional<ReasonCode> reasonCode(int code) {
        return Optional.ofNullable(codes.get(code));
    }

    @Override
    public List<ReasonCode> reasonCodes(String userText) {
        return parseCodes(userText).stream().map(codes::get).filter(x -> x != null).toList();
    }

    @Override
    public List<Integer> parseCodes(String userText) {
        List<Integer> out = new ArrayList<>();
        for (String tok : userText.split("[^0-9a-fA-Fx]+")) {
            if (tok.startsWith("0x")) {
                out.add(Integer.parseUnsignedInt(tok.substring(2), 16));
            }
        }
        return out;
    }

    @Override
    public Optional<SocketOption> socketOption(String name) {
        return Optional.empty();
    }

    @Override
    public Optional<SocketOption> socketOption(SockoptLevel level, String name) {
        return Optional.empty();
    }

    @Override
    public Optional<SocketOption> socketOption(SockoptLevel level, int value) {
        return Optional.empty();
    }

    @Override
    public Optional<Symptom> symptom(String id) {
        return Optional.ofNullable(symptoms.get(id));
    }

    @Override
    public Optional<Cause> cause(String id) {
        return Optional.ofNullable(causes.get(id));
    }

    @Override
    public List<String> suggestions(String input, int limit) {
        return List.of();
    }
}
