package io.smcdoctor.cli;

import io.smcdoctor.Answers;
import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.HostEvidence;
import io.smcdoctor.KnowledgeBase;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SmcDoctorException;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.cli.mcp.DiagnoseRequest;
import io.smcdoctor.cli.mcp.SmcDoctorMcpServer;
import io.smcdoctor.cli.mcp.SmcDoctorTools;
import io.smcdoctor.cli.mcp.ToolResult;
import io.smcdoctor.engine.internal.project.OverCatalog;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.EvidenceParseException;
import io.smcdoctor.evidence.ParseWarning;
import io.smcdoctor.evidence.facts.SourceKind;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code smc-doctor mcp}: a Model Context Protocol server on stdin/stdout for chat clients. Runs until the client
 * closes stdin. Nothing but protocol messages goes to stdout; problems go to stderr.
 */
@Command(name = "mcp", mixinStandardHelpOptions = true,
        description = {"Run a Model Context Protocol server on stdio for chat clients.",
            "Tools: diagnose, explain_reason_code, sockopt_support, ask_smc_question.",
            "Resources: smc-doctor://reason-codes, ://socket-options, ://sysctls, ://tools, ://kernel-features,",
            "://known-bugs, ://applications and their entries (smc-doctor://reason-code/0x03030000).",
            "Prompt: diagnose_host.",
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
                new CliKnowledge(catalog), version == null ? "0.1.0-SNAPSHOT" : version)) {
            server.awaitInputClosed();
        }
        return Cli.OK;
    }

    /**
     * The tools over the catalog, the diagnoser and the knowledge base, answering with exactly the JSON of
     * {@code diagnose}, {@code explain}, {@code sockopt} and {@code ask --format json}. Thread-safe (a diagnoser per
     * language is built on first use).
     */
    static final class CliTools implements SmcDoctorTools {
        private final Catalog catalog;
        private final KnowledgeBase knowledgeBase;
        private final Map<Language, Diagnoser> diagnosers = new ConcurrentHashMap<>();

        CliTools(Catalog catalog, KnowledgeBase knowledgeBase) {
            this.catalog = catalog;
            this.knowledgeBase = knowledgeBase;
        }

        /**
         * Reads the evidence (a bundle path, pasted files as a bundle held in memory, pasted text of any kind
         * recognised by content) with {@link EvidenceBundle#reader()} and diagnoses it; nothing is written to disk.
         * The JSON is {@link DiagnosisReport#toJson()} exactly as {@code diagnose --format json} prints it.
         */
        @Override
        public ToolResult diagnose(DiagnoseRequest request) {
            try {
                EvidenceBundle.Reader reader = EvidenceBundle.reader();
                request.path().ifPresent(p -> reader.path(Path.of(p)));
                Map<String, String> pasted = new TreeMap<>();
                for (Map.Entry<String, String> e : request.files().entrySet()) {
                    String name = e.getKey().strip();
                    if (name.contains("/") || name.contains("\\") || SourceKind.ofFileName(name).isEmpty()) {
                        return ToolResult.error("files: '" + name + "' is not a bundle file name; use names such "
                                + "as smcss.txt, dmesg.txt, sysctl.txt, smcr-stats.txt, ip-addr.txt");
                    }
                    pasted.put(name.toLowerCase(Locale.ROOT), e.getValue());
                }
                request.symptom().ifPresent(s -> pasted.put(SourceKind.SYMPTOM.fileName(), s));
                if (!pasted.isEmpty()) {
                    reader.bundle("pasted", pasted);
                }
                request.text().ifPresent(t -> reader.file("pasted.txt", t));
                Evidence evidence = reader.read();
                Diagnoser diagnoser = diagnosers.computeIfAbsent(request.language(),
                        l -> OverCatalog.diagnoser(catalog).language(l).build());
                if (request.hasPeer()) {
                    return ToolResult.ok(diagnoser.diagnose(List.of(HostEvidence.of("host", evidence),
                            HostEvidence.of("peer", peer(request)))).toJson());
                }
                DiagnosisReport report = diagnoser.diagnose(evidence);
                return ToolResult.ok(report.toJson());
            } catch (IllegalArgumentException e) {
                return ToolResult.error(e.getMessage());
            } catch (SmcDoctorException e) {
                return ToolResult.error(e.getMessage());
            }
        }

        /**
         * The peer's evidence, read in memory; a peer bundle that cannot be read becomes a warning in the report (the
         * host is then diagnosed without its peer), as {@code diagnose --host} does.
         */
        private static Evidence peer(DiagnoseRequest request) {
            try {
                if (request.peerPath().isPresent()) {
                    Path source = Path.of(request.peerPath().get());
                    if (!Files.exists(source)) {
                        throw new EvidenceParseException(source + ": no such file or directory");
                    }
                    return EvidenceBundle.reader().path(source).read();
                }
                return EvidenceBundle.reader().file("peer.txt", request.peerText().orElseThrow()).read();
            } catch (EvidenceParseException | UncheckedIOException e) {
                return Evidence.builder().warning(new ParseWarning(request.peerPath().orElse("peer_text"), 0,
                        "the peer's evidence could not be read: " + e.getMessage())).build();
            }
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
            return ToolResult.ok(json.write(SockoptCommand.json(json, found.get(), language, catalog)));
        }

        @Override
        public ToolResult ask(String question, int limit, Optional<Language> language) {
            Answers answers = knowledgeBase.ask(question, limit);
            return ToolResult.ok(answers.toJson(language.orElse(answers.language())));
        }
    }
}
