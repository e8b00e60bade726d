package io.smcdoctor.cli;

import io.smcdoctor.Answers;
import io.smcdoctor.Diagnoser;
import io.smcdoctor.DiagnosisReport;
import io.smcdoctor.KnowledgeBase;
import io.smcdoctor.SmcDoctorException;
import io.smcdoctor.catalog.Catalog;
import io.smcdoctor.catalog.Language;
import io.smcdoctor.catalog.ReasonCode;
import io.smcdoctor.catalog.SocketOption;
import io.smcdoctor.catalog.SockoptLevel;
import io.smcdoctor.cli.mcp.DiagnoseRequest;
import io.smcdoctor.cli.mcp.SmcDoctorMcpServer;
import io.smcdoctor.cli.mcp.SmcDoctorTools;
import io.smcdoctor.cli.mcp.ToolResult;
import io.smcdoctor.evidence.Evidence;
import io.smcdoctor.evidence.EvidenceBundle;
import io.smcdoctor.evidence.SourceKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
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
         * Reads the evidence (a bundle path, pasted files written into a private temporary bundle, pasted text of
         * any kind recognised by content) with {@link EvidenceBundle} and diagnoses it; the JSON is
         * {@link DiagnosisReport#toJson()} exactly as {@code diagnose --format json} prints it.
         */
        @Override
        public ToolResult diagnose(DiagnoseRequest request) {
            Path temp = null;
            try {
                List<Path> paths = new ArrayList<>();
                request.path().ifPresent(p -> paths.add(Path.of(p)));
                if (!request.files().isEmpty() || request.text().isPresent() || request.symptom().isPresent()) {
                    temp = Files.createTempDirectory("smc-doctor-mcp-");
                    Path bundle = Files.createDirectory(temp.resolve("pasted"));
                    for (Map.Entry<String, String> e : request.files().entrySet()) {
                        String name = e.getKey().strip();
                        if (name.contains("/") || name.contains("\\") || SourceKind.ofFileName(name).isEmpty()) {
                            return ToolResult.error("files: '" + name + "' is not a bundle file name; use names such "
                                    + "as smcss.txt, dmesg.txt, sysctl.txt, smcr-stats.txt, ip-addr.txt");
                        }
                        Files.writeString(bundle.resolve(name.toLowerCase(Locale.ROOT)), e.getValue(), StandardCharsets.UTF_8);
                    }
                    if (request.symptom().isPresent()) {
                        Files.writeString(bundle.resolve("symptom.txt"), request.symptom().get(), StandardCharsets.UTF_8);
                    }
                    if (!request.files().isEmpty() || request.symptom().isPresent()) {
                        paths.add(bundle);
                    }
                    if (request.text().isPresent()) {
                        Path text = temp.resolve("pasted.txt");
                        Files.writeString(text, request.text().get(), StandardCharsets.UTF_8);
                        paths.add(text);
                    }
                }
                Evidence evidence = EvidenceBundle.read(paths);
                DiagnosisReport report = diagnosers.computeIfAbsent(request.language(),
                        l -> Diagnoser.builder().catalog(catalog).language(l).build()).diagnose(evidence);
                return ToolResult.ok(report.toJson());
            } catch (SmcDoctorException e) {
                return ToolResult.error(e.getMessage());
            } catch (IOException e) {
                return ToolResult.error("cannot store the pasted evidence: " + e.getMessage());
            } finally {
                deleteQuietly(temp);
            }
        }

        private static void deleteQuietly(Path dir) {
            if (dir == null) {
                return;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // best effort: the directory is in the temp area
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
            return ToolResult.ok(json.write(SockoptCommand.json(json, found.get(), language)));
        }

        @Override
        public ToolResult ask(String question, int limit, Optional<Language> language) {
            Answers answers = knowledgeBase.ask(question, limit);
            return ToolResult.ok(answers.toJson(language.orElse(answers.language())));
        }
    }
}
