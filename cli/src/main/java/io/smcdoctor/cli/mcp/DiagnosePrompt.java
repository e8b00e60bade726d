package io.smcdoctor.cli.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema.GetPromptResult;
import io.modelcontextprotocol.spec.McpSchema.PromptArgument;
import io.modelcontextprotocol.spec.McpSchema.PromptMessage;
import io.modelcontextprotocol.spec.McpSchema;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.evidence.facts.SourceKind;
import java.util.List;
import java.util.Map;

/**
 * The prompt {@code diagnose_host}: tells the model how to diagnose SMC on a host with this server, which evidence to
 * collect (the commands of the bundle layout, {@link SourceKind}), how to pass it to the {@code diagnose} tool, and
 * which tools and resources explain what the diagnosis names.
 */
final class DiagnosePrompt {
    static final String NAME = "diagnose_host";
    /** Longest symptom text taken into the prompt. */
    static final int MAX_SYMPTOM_CHARS = 4096;

    private DiagnosePrompt() {
    }

    static SyncPromptSpecification spec() {
        McpSchema.Prompt prompt = new McpSchema.Prompt(NAME, "Diagnose this host",
                "Diagnose why Linux SMC (SMC-R/SMC-D) does not work or does not help on a host: which evidence to"
                        + " collect, how to call the diagnose tool with it, and how to explain the result.",
                List.of(new PromptArgument("symptom", "What the user observed (e.g. 'no speed-up', 'curl fails"
                        + " after enabling SMC-R'), optional", false),
                        new PromptArgument("lang", "Language of the answer: en or ja (default en)", false)));
        return new SyncPromptSpecification(prompt, (exchange, request) -> get(request.arguments()));
    }

    static GetPromptResult get(Map<String, Object> arguments) {
        Map<String, Object> args = arguments == null ? Map.of() : arguments;
        String symptom = args.get("symptom") instanceof String s ? s.strip() : "";
        if (symptom.length() > MAX_SYMPTOM_CHARS) {
            symptom = symptom.substring(0, MAX_SYMPTOM_CHARS);
        }
        Language lang = args.get("lang") instanceof String l ? Language.fromTag(l) : Language.EN;
        return new GetPromptResult("Diagnose SMC on this host", List.of(new PromptMessage(McpSchema.Role.USER,
                new McpSchema.TextContent(text(symptom, lang)))));
    }

    static String text(String symptom, Language lang) {
        StringBuilder sb = new StringBuilder();
        sb.append("Diagnose Linux SMC (Shared Memory Communications: AF_SMC, SMC-R over RDMA/eRDMA, SMC-D) on the host")
                .append(" the user is asking about, with the smc-doctor tools of this server.\n");
        if (!symptom.isEmpty()) {
            sb.append("\nWhat the user observed: ").append(symptom).append('\n');
        }
        sb.append("\n1. Collect evidence on the host. Best: run `smc-doctor collect -o bundle.tar.gz` there (read-only,")
                .append(" fixed commands with timeouts) and call the `diagnose` tool with {\"path\": \"bundle.tar.gz\"}")
                .append(" if this server runs on that host. Otherwise ask the user to run these commands (as root where")
                .append(" possible) and paste their output; each output goes into the `files` argument of `diagnose`")
                .append(" under its file name:\n");
        for (SourceKind k : SourceKind.textKinds()) {
            if (k != SourceKind.SYMPTOM) {
                sb.append("   - ").append(k.fileName()).append(": `").append(k.command()).append("`\n");
            }
        }
        sb.append("   Collect the same from the peer host when connections fall back with a peer's code (smcss shows")
                .append(" TCP 0x05000000/<code>): the second code is decided by the peer.\n")
                .append("   Put what the user observed into the `symptom` argument; unknown pasted output can go into")
                .append(" `text`.\n")
                .append("2. Call `diagnose`. Answer with its ranked diagnoses, the evidence lines (file:line) each one")
                .append(" rests on, and its remedies; list `missingEvidence` and ask for it instead of guessing.\n")
                .append("3. Explain what the diagnosis names: `explain_reason_code` for codes like 0x03030000,")
                .append(" `sockopt_support` for socket options, `ask_smc_question` for sysctls, smc-tools output,")
                .append(" kernel versions and known kernel bugs (paste a splat's function names). The resources")
                .append(" smc-doctor://reason-code/{code}, smc-doctor://sysctl/{name}, smc-doctor://tool/{name} and")
                .append(" smc-doctor://known-bug/{name} hold the same knowledge; their indexes are smc-doctor://reason-codes,")
                .append(" smc-doctor://sysctls, smc-doctor://tools and smc-doctor://known-bugs.\n")
                .append("4. Do not conclude more than the evidence shows; when a diagnosis needs more evidence, say")
                .append(" which command to run next. Never run commands that change the host without the user's consent.\n");
        if (lang == Language.JA) {
            sb.append("\nAnswer in Japanese, and pass \"lang\": \"ja\" to the tools.\n");
        }
        return sb.toString();
    }
}
