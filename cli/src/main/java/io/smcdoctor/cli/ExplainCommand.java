package io.smcdoctor.cli;

import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.KnowledgeFact;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code smc-doctor explain CODE}: what an SMC fallback reason code means, its causes, checks and fixes; or what a
 * sysctl, an smc-tools command, a kernel feature, a known bug or an application under SMC is
 * ({@code explain net.smc.limit_smc_hs}, {@code explain smcr stats}).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = {"Explain an SMC fallback reason code, sysctl, smc-tools command, kernel feature or known bug.",
            "For a code (SMC_CLC_DECL_*): what it means, its likely causes, the commands that confirm each cause",
            "and the commands that fix it. For a sysctl: meaning, default, range, the kernel that added it, tuning.",
            "For a command: purpose, every option and output column."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  smc-doctor explain 0x03030000",
            "  smc-doctor explain 3030000                  (leading 0x and zeros may be left out)",
            "  smc-doctor explain TCP 0x05000000/0x03030000",
            "      (pasted from the Mode column of 'smcss -a': local code, then the peer's)",
            "  smc-doctor explain NOSMCDEV                 (constant or 'smcr -d stats' name)",
            "  smc-doctor explain 0x0303000c --lang ja --format json",
            "  smc-doctor explain net.smc.limit_smc_hs      (also limit_smc_hs, /proc/sys/net/smc/limit_smc_hs)",
            "  smc-doctor explain smcss                     (smcr stats, smc_run, smc_pnet, ...)",
            "  smc-doctor explain 'smcr -d stats'           (a command with options: quote it, or put it after --)",
            "  smc-doctor explain IPPROTO_SMC               (a kernel feature; also feature:loopback-ism)",
            "  smc-doctor explain bug:listen-loop           (a fixed kernel bug; also a CVE id)",
            "  smc-doctor explain nginx                     (an application under SMC)",
            "",
            "JSON: one code prints schema smc-doctor/reason-code/v1; several codes print",
            "smc-doctor/reason-codes/v1 = {\"input\", \"codes\": [reason-code/v1, ...]} in the order given.",
            "Facts print smc-doctor/sysctl/v1, smc-doctor/tool/v1, smc-doctor/kernel-feature/v1,",
            "smc-doctor/known-bug/v1 or smc-doctor/application/v1."})
final class ExplainCommand implements Callable<Integer>, CommonOptions.Holder {
    final CommonOptions common = new CommonOptions();

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "CODE|NAME",
            description = "Reason code(s): 0x03030000, 3030000, 0x05000000/0x03030000, SMC_CLC_DECL_NOSMCDEV; or a "
                    + "sysctl, command, feature, bug or application: net.smc.wmem, smcr stats, IPPROTO_SMC, "
                    + "bug:listen-loop, nginx.")
    List<String> words;

    @Override
    public CommonOptions common() {
        return common;
    }

    @Override
    public Integer call() {
        Catalog catalog = main.catalog();
        String input = String.join(" ", words).strip();
        List<ReasonCode> codes = catalog.reasonCodes(input);
        List<Integer> raw = catalog.parseCodes(input);
        PrintWriter err = main.spec.commandLine().getErr();
        if (codes.isEmpty() && raw.isEmpty()) {
            Optional<KnowledgeFact> fact = catalog.fact(input);
            if (fact.isPresent()) {
                return explainFact(catalog, fact.get());
            }
        }
        if (codes.isEmpty()) {
            String hint = raw.isEmpty()
                    ? "A reason code looks like 0x03030000 (see the Mode column of 'smcss -a'); a sysctl like "
                    + "net.smc.wmem; a command like smcss or smcr stats."
                    : "It is not a known SMC_CLC_DECL_* code (a z/OS peer may send codes of its own).";
            throw UsageException.unknown(raw.isEmpty() ? "reason code or name" : "reason code", input,
                    catalog.suggestions(input, 3), hint);
        }
        for (int code : raw) {
            if (catalog.reasonCode(code).isEmpty()) {
                err.println("smc-doctor: " + ReasonCode.hex(code) + " is not a known reason code; explaining the others.");
            }
        }
        Language lang = common.language();
        PrintWriter out = main.spec.commandLine().getOut();
        if (common.json()) {
            Json json = new Json();
            out.println(json.write(codes.size() == 1
                    ? ReasonCodeView.json(json, codes.get(0), lang)
                    : ReasonCodeView.jsonList(json, input, codes, lang)));
        } else {
            for (int i = 0; i < codes.size(); i++) {
                if (i > 0) {
                    out.println();
                    out.println("-".repeat(72));
                }
                ReasonCodeView.text(out, codes.get(i), lang);
            }
            if (codes.size() > 1 && input.contains("/")) {
                out.println();
                out.println(Labels.PEER_CODE.in(lang));
            }
        }
        out.flush();
        return Cli.OK;
    }

    private int explainFact(Catalog catalog, KnowledgeFact fact) {
        Language lang = common.language();
        PrintWriter out = main.spec.commandLine().getOut();
        if (common.json()) {
            Json json = new Json();
            out.println(json.write(FactView.json(json, fact, lang)));
        } else {
            FactView.text(out, catalog, fact, lang);
        }
        out.flush();
        return Cli.OK;
    }
}
