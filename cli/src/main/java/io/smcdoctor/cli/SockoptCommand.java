package io.smcdoctor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.SockoptAdvice;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.KernelVerdict;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.OptionVerdict;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.catalog.Support;
import io.smcdoctor.catalog.TargetKernel;
import io.smcdoctor.engine.internal.project.OverCatalog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code smc-doctor sockopt NAME}: whether a socket option works on SMC sockets (Y/M/N) and what happens. */
@Command(name = "sockopt", mixinStandardHelpOptions = true,
        description = {"Tell whether a socket option works on SMC sockets.",
            "Y: supported. M: works but behaves differently than on TCP. N: the connection falls back to TCP",
            "(with the reason code it gets) or the call fails.",
            "Some verdicts depend on the kernel (SO_REUSEPORT fails on 6.13, 6.12.9, 6.6.70, 6.1.124, 5.15.176 and",
            "later): --kernel gives the verdict for one kernel; without it every possible verdict is shown and the",
            "strictest is the headline."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smc-doctor sockopt TCP_FASTOPEN",
            "  smc-doctor sockopt SO_REUSEPORT --kernel $(uname -r)",
            "  smc-doctor sockopt SO_REUSEPORT --kernel 6.12.9      (or seed: the Alibaba Cloud Linux 3 verdict)",
            "  smc-doctor sockopt SO_SNDBUF --level SOL_SOCKET",
            "  smc-doctor sockopt 23 --level SOL_TCP        (by number)",
            "  smc-doctor sockopt TCP_NODELAY --format json",
            "",
            "JSON: schema smc-doctor/sockopt/v1 = {\"level\", \"name\", \"value\", \"support\", \"fallbackCodes\", \"note\",",
            "\"kernel\", \"verdicts\", \"kernelVerdicts\", ...}."})
final class SockoptCommand implements Callable<Integer>, CommonOptions.Holder {
    static final String SCHEMA = "smc-doctor/sockopt/v1";

    final CommonOptions common = new CommonOptions();

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "NAME", description = "Option name (TCP_FASTOPEN, SO_KEEPALIVE, SOL_TCP:TCP_NODELAY) or number with --level.")
    String name;

    @Option(names = "--level", paramLabel = "LEVEL", description = "SOL_TCP or SOL_SOCKET (also IPPROTO_TCP, tcp, socket, 6, 1).")
    String level;

    @Option(names = "--kernel", paramLabel = "RELEASE", description = KERNEL_HELP)
    String kernel;

    /** The help of the --kernel option of sockopt and lint. */
    static final String KERNEL_HELP = "Kernel the verdict is for: a release as uname -r prints it (6.12.9,"
            + " 6.12.117+deb12-amd64, 5.10.134-16.al8.x86_64), a series (6.12), seed (Alibaba Cloud Linux 3) or"
            + " mainline. Default: any kernel (every possible verdict, the strictest counts).";

    /** Parses {@code --kernel}; absent is {@link TargetKernel#ANY}. */
    static TargetKernel targetKernel(String value) {
        if (value == null) {
            return TargetKernel.ANY;
        }
        return TargetKernel.parse(value).orElseThrow(() -> new UsageException("--kernel: '" + value
                + "' is not a kernel release; use e.g. 6.12.9, $(uname -r), 6.12, seed or mainline"));
    }

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        Catalog catalog = main.catalog();
        Optional<SocketOption> found;
        String n = name.strip();
        if (level != null) {
            SockoptLevel l = SockoptLevel.parse(level).orElseThrow(() -> new UsageException(
                    "unknown socket option level '" + level + "'; use SOL_TCP or SOL_SOCKET"));
            found = n.chars().allMatch(Character::isDigit) && !n.isEmpty()
                    ? catalog.socketOption(l, Integer.parseInt(n))
                    : catalog.socketOption(l, n);
        } else {
            found = catalog.socketOption(n);
        }
        SocketOption o = found.orElseThrow(() -> UsageException.unknown("socket option", n + (level == null ? "" : " at " + level),
                catalog.suggestions(n, 3), "Known options: SOL_SOCKET SO_* and SOL_TCP TCP_* names."));
        SockoptAdvice advice = OverCatalog.sockoptAdvisor(catalog).forKernel(targetKernel(kernel).text())
                .check(o.level().name(), o.name()).orElseThrow();
        Language lang = common.language();
        PrintWriter out = main.spec.commandLine().getOut();
        if (common.json()) {
            Json json = new Json();
            out.println(json.write(json(json, advice, lang, catalog)));
        } else {
            text(out, catalog, advice, lang);
        }
        out.flush();
        return Cli.OK;
    }

    /**
     * {@code {"schema": "smc-doctor/sockopt/v1", "level", "name", "value", "support", "seedSupport", "kernel",
     * "definite", "verdicts", "fallbackCodes", "note", "aliases", "kernelVerdicts", "kernelNotes", "references",
     * "language", "verdictFor"}}: {@code support} is the verdict on {@code kernel} ({@code "any"} when none was
     * given: the strictest possible one), {@code verdicts} every outcome that kernel leaves possible with the kernels
     * it holds for, {@code seedSupport} the seed FAQ's letter (Alibaba Cloud Linux 3), {@code kernelVerdicts} the
     * catalog's kernel ranges, {@code kernelNotes} other differences (e.g. {@code "upstream 6.12 (measured)"}).
     */
    static ObjectNode json(Json json, SocketOption o, Language lang, Catalog catalog) {
        return json(json, OverCatalog.sockoptAdvisor(catalog).check(o.level().name(), o.name()).orElseThrow(), lang,
                catalog);
    }

    /** The catalog row of the advice's option. */
    static SocketOption option(Catalog catalog, SockoptAdvice a) {
        return catalog.socketOption(SockoptLevel.valueOf(a.level()), a.name()).orElseThrow();
    }

    /** The verdict the advice's kernel leaves possible. */
    static OptionVerdict verdict(Catalog catalog, SockoptAdvice a) {
        return option(catalog, a).verdictFor(TargetKernel.parse(a.kernel()).orElseThrow());
    }

    static ObjectNode json(Json json, SockoptAdvice a, Language lang, Catalog catalog) {
        SocketOption o = option(catalog, a);
        OptionVerdict v = verdict(catalog, a);
        ObjectNode n = json.object();
        n.put("schema", SCHEMA);
        n.put("level", o.level().name());
        n.put("name", o.name());
        n.put("value", o.value());
        n.put("support", a.support().name());
        n.put("seedSupport", o.support().name());
        n.put("kernel", a.kernel().isEmpty() ? "any" : a.kernel());
        n.put("definite", v.definite());
        n.put("verdictFor", a.kernelLabel(lang));
        ArrayNode verdicts = n.putArray("verdicts");
        for (OptionVerdict.Outcome out : v.outcomes()) {
            ObjectNode x = verdicts.addObject();
            x.put("support", out.support().name());
            x.put("kernels", out.kernels().get(lang));
            out.errno().ifPresent(e -> x.put("errno", e));
            Json.strings(x, "fallbackCodes", out.fallbackCodes().stream().map(ReasonCode::hex).toList());
            x.put("seed", out.seed());
        }
        Json.strings(n, "fallbackCodes", a.fallbackCodes());
        n.put("note", a.advice(lang));
        Json.strings(n, "aliases", o.aliases());
        ArrayNode ranges = n.putArray("kernelVerdicts");
        for (KernelVerdict k : o.kernelVerdicts()) {
            ObjectNode x = ranges.addObject();
            x.put("support", k.support().name());
            x.put("kernels", k.kernels().get(lang));
            k.since().ifPresent(s -> x.put("since", s));
            k.before().ifPresent(b -> x.put("before", b));
            Json.strings(x, "stable", k.stable());
            k.errno().ifPresent(e -> x.put("errno", e));
            Json.strings(x, "fallbackCodes", k.fallbackCodes().stream().map(ReasonCode::hex).toList());
            k.commit().ifPresent(c -> x.put("commit", c));
            x.put("note", k.note().get(lang));
        }
        ArrayNode notes = n.putArray("kernelNotes");
        for (KernelNote k : o.kernelNotes()) {
            notes.addObject().put("kernels", k.kernels()).put("text", k.text().get(lang));
        }
        Json.strings(n, "references", o.references());
        n.put("language", lang.tag());
        return n;
    }

    static void text(PrintWriter out, Catalog catalog, SockoptAdvice a, Language lang) {
        SocketOption o = option(catalog, a);
        OptionVerdict v = verdict(catalog, a);
        if (v.definite()) {
            out.println(o.name() + " (" + o.level() + ", " + o.value() + "): " + a.support() + " — "
                    + Support.valueOf(a.support().name()).consequence(lang));
        } else {
            List<String> letters = new ArrayList<>();
            v.outcomes().forEach(x -> letters.add(x.support().name()));
            out.println(o.name() + " (" + o.level() + ", " + o.value() + "): " + String.join("/", letters) + " — "
                    + (lang == Language.JA ? "カーネルによって異なります (最も厳しい判定: " + a.support() + ")"
                    : "depends on the kernel (strictest: " + a.support() + ")"));
        }
        out.println(Labels.VERDICT_FOR.in(lang) + " " + a.kernelLabel(lang) + ": " + a.verdictText(lang));
        if (!o.kernelVerdicts().isEmpty()) {
            out.println(Labels.SEED_VERDICT.in(lang) + ": " + o.support());
        }
        if (!o.aliases().isEmpty()) {
            out.println(Labels.ALIASES.in(lang) + ": " + String.join(", ", o.aliases()));
        }
        List<Integer> codes = new ArrayList<>();
        for (OptionVerdict.Outcome x : v.outcomes()) {
            if (x.support().name().equals(a.support().name())) {
                x.fallbackCodes().stream().filter(c -> !codes.contains(c)).forEach(codes::add);
            }
        }
        for (int code : codes) {
            String what = catalog.reasonCode(code)
                    .map(rc -> (rc.name().isEmpty() ? "" : rc.name() + ", ") + rc.title().get(lang)).orElse("");
            out.println(Labels.FALLBACK_CODES.in(lang) + ": " + ReasonCode.hex(code) + (what.isEmpty() ? "" : " (" + what + ")"));
        }
        out.println();
        ReasonCodeView.indent(out, "", a.advice(lang));
        if (!o.kernelVerdicts().isEmpty()) {
            out.println();
            out.println(Labels.KERNEL_VERDICTS.in(lang));
            for (KernelVerdict k : o.kernelVerdicts()) {
                String what = k.errno().map(e -> "setsockopt → " + e)
                        .orElse(k.fallbackCodes().isEmpty() ? "" : "fallback "
                                + String.join(", ", k.fallbackCodes().stream().map(ReasonCode::hex).toList()));
                out.println("  - " + k.support() + " — " + k.kernels().get(lang) + (what.isEmpty() ? "" : ", " + what)
                        + k.commit().map(c -> " (" + c + ")").orElse("") + ": " + k.note().get(lang));
            }
        }
        if (!o.kernelNotes().isEmpty()) {
            out.println();
            out.println(Labels.KERNEL_NOTES.in(lang));
            o.kernelNotes().forEach(k -> out.println("  - " + k.kernels() + ": " + k.text().get(lang)));
        }
        ReasonCodeView.references(out, o.references(), lang);
    }
}
