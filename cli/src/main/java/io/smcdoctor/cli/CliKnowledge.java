package io.smcdoctor.cli;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KnowledgeFact;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Sysctl;
import io.smcdoctor.cli.mcp.SmcDoctorKnowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The catalog behind the MCP resources, each entry as the JSON of {@code explain} or {@code sockopt}. Keys: a reason
 * code as lower-case hex, {@code LEVEL/NAME} for a socket option, a sysctl's full name, a fact's id without its
 * prefix. Immutable and thread-safe.
 */
final class CliKnowledge implements SmcDoctorKnowledge {
    private final Catalog catalog;

    CliKnowledge(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<Item> items(String kind, Language language) {
        List<Item> out = new ArrayList<>();
        switch (kind) {
            case "reason-code":
                catalog.reasonCodes().forEach(rc -> out.add(new Item(rc.hex(), rc.title().get(language))));
                break;
            case "socket-option":
                catalog.socketOptions().forEach(o -> out.add(new Item(o.level() + "/" + o.name(),
                        o.name() + ": " + o.support() + " - " + o.support().consequence(language))));
                break;
            default:
                facts(kind).forEach(f -> out.add(new Item(key(f), f.title().get(language))));
                break;
        }
        return out;
    }

    @Override
    public Optional<String> json(String kind, String key, Language language) {
        Json json = new Json();
        switch (kind) {
            case "reason-code":
                return catalog.parseCodes(key).size() == 1
                        ? catalog.reasonCode(catalog.parseCodes(key).get(0))
                                .map(rc -> json.write(ReasonCodeView.json(json, rc, language)))
                        : Optional.empty();
            case "socket-option":
                return option(key).map(o -> json.write(SockoptCommand.json(json, o, language, catalog)));
            default:
                return facts(kind).stream().filter(f -> key(f).equalsIgnoreCase(key)).findFirst()
                        .map(f -> json.write(FactView.json(json, f, language)));
        }
    }

    @Override
    public List<String> suggestions(String kind, String key) {
        List<String> keys = items(kind, Language.EN).stream().map(Item::key).toList();
        List<String> out = new ArrayList<>();
        for (String s : catalog.suggestions(key, 5)) {
            String k = s.startsWith(prefix(kind) + ":") ? s.substring(s.indexOf(':') + 1) : s;
            keys.stream().filter(x -> x.equalsIgnoreCase(k) || x.equalsIgnoreCase(k.replace(':', '/')))
                    .findFirst().filter(x -> !out.contains(x)).ifPresent(out::add);
        }
        return out.size() > 3 ? out.subList(0, 3) : out;
    }

    private Optional<SocketOption> option(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return catalog.socketOption(key);
        }
        Optional<SockoptLevel> level = SockoptLevel.parse(key.substring(0, slash));
        return level.flatMap(l -> catalog.socketOption(l, key.substring(slash + 1)));
    }

    private List<? extends KnowledgeFact> facts(String kind) {
        switch (kind) {
            case "sysctl":
                return catalog.sysctls();
            case "tool":
                return catalog.tools();
            case "kernel-feature":
                return catalog.kernelFeatures();
            case "known-bug":
                return catalog.knownBugs();
            case "application":
                return catalog.applications();
            default:
                return List.of();
        }
    }

    /** A fact's key in its URI: a sysctl's full name, else its id without the prefix. */
    static String key(KnowledgeFact f) {
        return f instanceof Sysctl s ? s.fullName() : f.id().substring(f.id().indexOf(':') + 1);
    }

    private static String prefix(String kind) {
        for (KnowledgeFact.Kind k : KnowledgeFact.Kind.values()) {
            if (k.json().equals(kind)) {
                return k.prefix();
            }
        }
        return kind.toLowerCase(Locale.ROOT);
    }
}
