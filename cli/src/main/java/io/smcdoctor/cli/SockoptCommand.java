package io.smcdoctor.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KernelNote;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code smc-doctor sockopt NAME}: whether a socket option works on SMC sockets (Y/M/N) and what happens. */
@Command(name = "sockopt", mixinStandardHelpOptions = true,
        description = {"Tell whether a socket option works on SMC sockets.",
            "Y: supported. M: works but behaves differently than on TCP. N: the connection falls back to TCP",
            "(with the reason code it gets) or the call fails."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smc-doctor sockopt TCP_FASTOPEN",
            "  smc-doctor sockopt SO_SNDBUF --level SOL_SOCKET",
            "  smc-doctor sockopt 23 --level SOL_TCP        (by number)",
            "  smc-doctor sockopt TCP_NODELAY --format json",
            "",
            "JSON: schema smc-doctor/sockopt/v1 = {\"level\", \"name\", \"value\", \"support\", \"fallbackCodes\", \"note\", ...}."})
final class SockoptCommand implements Callable<Integer> {
    static final String SCHEMA = "smc-doctor/sockopt/v1";
    /** Which kernels the catalog's Y/M/N verdicts describe; other kernels are in the kernel notes. */
    static final String VERDICT_FOR = "Alibaba Cloud Linux 3 (seed FAQ)";

    @Mixin
    CommonOptions common;

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "NAME", description = "Option name (TCP_FASTOPEN, SO_KEEPALIVE, SOL_TCP:TCP_NODELAY) or number with --level.")
    String name;

    @Option(names = "--level", paramLabel = "LEVEL", description = "SOL_TCP or SOL_SOCKET (also IPPROTO_TCP, tcp, socket, 6, 1).")
    String level;

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
        Language lang = common.language();
        PrintWriter out = main.spec.commandLine().getOut();
        if (common.json()) {
            Json json = new Json();
            out.println(json.write(json(json, o, lang)));
        } else {
            text(out, catalog, o, lang);
        }
        out.flush();
        return Cli.OK;
    }

    /**
     * {@code {"schema": "smc-doctor/sockopt/v1", "level", "name", "value", "support", "fallbackCodes", "note",
     * "aliases", "kernelNotes", "references", "language", "verdictFor"}}; {@code verdictFor} names the kernels the
     * Y/M/N is for, {@code kernelNotes} what differs elsewhere (e.g. {@code "upstream 6.12 (measured)"}).
     */
    static ObjectNode json(Json json, SocketOption o, Language lang) {
        ObjectNode n = json.object();
        n.put("schema", SCHEMA);
        n.put("level", o.level().name());
        n.put("name", o.name());
        n.put("value", o.value());
        n.put("support", o.support().name());
        n.put("verdictFor", VERDICT_FOR);
        Json.strings(n, "fallbackCodes", o.fallbackCodes().stream().map(ReasonCode::hex).toList());
        n.put("note", o.note().get(lang));
        Json.strings(n, "aliases", o.aliases());
        ArrayNode notes = n.putArray("kernelNotes");
        for (KernelNote k : o.kernelNotes()) {
            notes.addObject().put("kernels", k.kernels()).put("text", k.text().get(lang));
        }
        Json.strings(n, "references", o.references());
        n.put("language", lang.tag());
        return n;
    }

    static void text(PrintWriter out, Catalog catalog, SocketOption o, Language lang) {
        out.println(o.name() + " (" + o.level() + ", " + o.value() + "): " + o.support() + " — "
                + o.support().consequence(lang));
        out.println(Labels.VERDICT_FOR.in(lang) + ": " + VERDICT_FOR + (o.kernelNotes().isEmpty() ? ""
                : "; " + Labels.KERNEL_NOTES.in(lang) + ": " + String.join(", ",
                        o.kernelNotes().stream().map(KernelNote::kernels).toList())));
        if (!o.aliases().isEmpty()) {
            out.println(Labels.ALIASES.in(lang) + ": " + String.join(", ", o.aliases()));
        }
        for (int code : o.fallbackCodes()) {
            String what = catalog.reasonCode(code)
                    .map(rc -> (rc.name().isEmpty() ? "" : rc.name() + ", ") + rc.title().get(lang)).orElse("");
            out.println(Labels.FALLBACK_CODES.in(lang) + ": " + ReasonCode.hex(code) + (what.isEmpty() ? "" : " (" + what + ")"));
        }
        out.println();
        ReasonCodeView.indent(out, "", o.note().get(lang));
        if (!o.kernelNotes().isEmpty()) {
            out.println();
            out.println(Labels.KERNEL_NOTES.in(lang));
            o.kernelNotes().forEach(k -> out.println("  - " + k.kernels() + ": " + k.text().get(lang)));
        }
        ReasonCodeView.references(out, o.references(), lang);
    }
}
