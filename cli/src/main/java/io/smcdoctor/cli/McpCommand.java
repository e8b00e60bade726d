package io.smcdoctor.cli;

import io.smcdoctor.Answers;
import io.smcdoctor.KnowledgeBase;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.cli.mcp.DiagnoseRequest;
import io.smcdoctor.cli.mcp.SmcDoctorMcpServer;
import io.smcdoctor.cli.mcp.SmcDoctorTools;
import io.smcdoctor.cli.mcp.ToolResult;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code smc-doctor mcp}: a Model Context Protocol server on stdin/stdout for chat clients. Runs until the client
 * closes stdin. Nothing but protocol messages goes to stdout; problems go to stderr.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"Run a Model Context Protocol server on stdio for chat clients.",
            "Tools: diagnose, explain_reason_code, sockopt_support, ask_smc_question.",
            "Register it in the client as the command: java -jar /path/to/smc-doctor.jar mcp"})
final class McpCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() throws InterruptedException {
        // load everything before the first request, so tool calls are fast and never race on lazy loading
        Catalog catalog = main.catalog();
        KnowledgeBase kb = main.knowledgeBase();
        String version = McpCommand.class.getPackage().getImplementationVersion();
        try (SmcDoctorMcpServer server = SmcDoctorMcpServer.start(System.in, System.out, new CliTools(catalog, kb),
                version == null ? "0.1.0-SNAPSHOT" : version)) {
            server.awaitInputClosed();
        }
        return Cli.OK;
    }

    /**
     * The tools over the catalog and knowledge base, answering with exactly the JSON of {@code explain},
     * {@code sockopt} and {@code ask --format json}. Immutable and thread-safe.
     */
    static final class CliTools implements SmcDoctorTools {
        private final Catalog catalog;
        private final KnowledgeBase knowledgeBase;

        CliTools(Catalog catalog, KnowledgeBase knowledgeBase) {
            this.catalog = catalog;
            this.knowledgeBase = knowledgeBase;
        }

        /**
         * Not wired yet: the Diagnoser (branch rules-engine) and the bundle reader (branch bundles) are not merged
         * into this branch. TODO(lead): after merging them, read {@code request.path()} as a bundle, parse
         * {@code request.files()} / {@code request.text()} with the adapters' parsers, run
         * {@code Diagnoser.diagnose(evidence)} and return {@code report.toJson()} (schema smc-doctor/diagnosis/v1).
         */
        @Override
        public ToolResult diagnose(DiagnoseRequest request) {
            return ToolResult.error("diagnose is not available in this build of smc-doctor yet (the diagnosis engine "
                    + "is not wired into the MCP server); use explain_reason_code for codes seen in smcss output, "
                    + "or ask_smc_question.");
        }

        @Override
        public ToolResult explainReasonCode(String code, Language language) {
            List<ReasonCode> codes = catalog.reasonCodes(code);
            if (codes.isEmpty()) {
                return ToolResult.error("unknown reason code '" + code + "'; a reason code looks like 0x03030000 "
                        + "(the Mode column of 'smcss -a')", catalog.suggestions(code, 3));
            }
            Json json = new Json();
            return ToolResult.ok(json.write(codes.size() == 1
                    ? ReasonCodeView.json(json, codes.get(0), language)
                    : ReasonCodeView.jsonList(json, code, codes, language)));
        }

        @Override
        public ToolResult sockoptSupport(String name, Optional<String> level, Language language) {
            String n = name.strip();
            Optional<SocketOption> found;
            if (level.isPresent()) {
                Optional<SockoptLevel> l = SockoptLevel.parse(level.get());
                if (l.isEmpty()) {
                    return ToolResult.error("unknown socket option level '" + level.get() + "'; use SOL_TCP or SOL_SOCKET");
                }
                found = !n.isEmpty() && n.chars().allMatch(Character::isDigit) && n.length() < 10
                        ? catalog.socketOption(l.get(), Integer.parseInt(n))
                        : catalog.socketOption(l.get(), n);
            } else {
                found = catalog.socketOption(n);
            }
            if (found.isEmpty()) {
                return ToolResult.error("unknown socket option '" + n + "'" + level.map(l -> " at " + l).orElse("")
                        + "; known options are SOL_SOCKET SO_* and SOL_TCP TCP_* names", catalog.suggestions(n, 3));
            }
            Json json = new Json();
            return ToolResult.ok(json.write(SockoptCommand.json(json, found.get(), language)));
        }

        @Override
        public ToolResult ask(String question, int limit, Optional<Language> language) {
            Answers answers = knowledgeBase.ask(question, limit);
            return ToolResult.ok(answers.toJson(language.orElse(answers.language())));
        }
    }
}
