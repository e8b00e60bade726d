package io.smcdoctor.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smcdoctor.catalog.TargetKernel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client setups of docs/ide.md and samples/vscode-smc-doctor agree with the server: languages, setting names
 * and values; and the extension's {@code activate} builds the language client it should (run in node against
 * stand-ins for the {@code vscode} and {@code vscode-languageclient} modules, which exist only inside VS Code).
 */
class ClientSetupsTest {
    private static final Path ROOT = Path.of(System.getProperty("smcdoctor.root", ".."));
    private static final Path SAMPLE = ROOT.resolve("samples/vscode-smc-doctor");
    private static final Set<String> LANGUAGES = Set.of("c", "cpp", "java", "go", "python", "rust");

    @TempDir
    Path tmp;

    private static JsonObject packageJson() throws IOException {
        return JsonParser.parseString(Files.readString(SAMPLE.resolve("package.json"))).getAsJsonObject();
    }

    @Test
    void vscodePackage_languagesAndSettingValues_areThoseTheServerReads() throws Exception {
        JsonObject pkg = packageJson();
        Set<String> activation = new TreeSet<>();
        for (JsonElement e : pkg.getAsJsonArray("activationEvents")) {
            activation.add(e.getAsString().replace("onLanguage:", ""));
        }
        assertThat(activation).isEqualTo(new TreeSet<>(LANGUAGES));
        activation.forEach(l -> assertThat(SockoptKnowledge.supports(l, "untitled:x")).as(l).isTrue());

        JsonObject props = pkg.getAsJsonObject("contributes").getAsJsonObject("configuration")
                .getAsJsonObject("properties");
        for (JsonElement v : props.getAsJsonObject("smcDoctor.kernel").getAsJsonArray("examples")) {
            assertThat(TargetKernel.parse(v.getAsString())).as(v.getAsString()).isPresent();
        }
        assertThat(props.getAsJsonObject("smcDoctor.kernel").get("default").getAsString()).isEqualTo("any");
        assertThat(TargetKernel.parse("any")).contains(Settings.defaults(io.smcdoctor.catalog.Language.EN).kernel());
        for (JsonElement v : props.getAsJsonObject("smcDoctor.severity").getAsJsonObject("additionalProperties")
                .getAsJsonArray("enum")) {
            assertThat(Settings.Level.parse(v.getAsString())).as(v.getAsString()).isPresent();
        }
        // every setting but the command is one the server reads (it ignores unknown keys silently)
        List<String> problems = new ArrayList<>();
        JsonObject settings = new JsonObject();
        settings.addProperty("kernel", "upstream-6.12");
        settings.add("severity", new JsonObject());
        settings.addProperty("explanationUrl", "");
        JsonObject wrapped = new JsonObject();
        wrapped.add("smcDoctor", settings);
        Settings s = Settings.defaults(io.smcdoctor.catalog.Language.EN).with(wrapped, problems);
        assertThat(problems).isEmpty();
        assertThat(s.kernel().kind()).isEqualTo(TargetKernel.Kind.MAINLINE);
        assertThat(s.kernel().major() + "." + s.kernel().minor()).isEqualTo("6.12");
        for (String key : props.keySet()) {
            assertThat(key).isIn("smcDoctor.command", "smcDoctor.kernel", "smcDoctor.severity", "smcDoctor.explanationUrl");
        }
    }

    @Test
    void ideDoc_neovimAndEmacsSetups_startTheServerForTheSameLanguages() throws Exception {
        String doc = Files.readString(ROOT.resolve("docs/ide.md"));
        assertThat(doc).contains("cmd = { 'smc-doctor', 'lsp' }")
                .contains("pattern = { 'c', 'cpp', 'java', 'go', 'python', 'rust' }")
                .contains("(\"smc-doctor\" \"lsp\")");
        for (String mode : List.of("c-mode", "c++-mode", "java-mode", "go-mode", "python-mode", "rust-mode")) {
            assertThat(doc).contains(mode);
        }
    }

    @Test
    void vscodeExtension_activate_startsTheServerWithTheSettings() throws Exception {
        Process check;
        try {
            check = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            System.out.println("ClientSetupsTest: node cannot be run, extension check skipped: " + e.getMessage());
            Assumptions.abort("node cannot be run: " + e.getMessage());
            return;
        }
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path modules = tmp.resolve("node_modules");
        Files.createDirectories(modules.resolve("vscode"));
        Files.createDirectories(modules.resolve("vscode-languageclient"));
        // stand-ins: record what the extension asks for
        Files.writeString(modules.resolve("vscode/index.js"), String.join("\n",
                "const opened = [];",
                "module.exports = {",
                "  opened,",
                "  ViewColumn: { Beside: -2 },",
                "  workspace: {",
                "    getConfiguration: (section) => ({ get: (key, dflt) => ({ command: ['java', '-jar', '/x/smc-doctor.jar', 'lsp'],",
                "      kernel: 'upstream-6.12', severity: { M: 'hint' }, explanationUrl: '' })[key] ?? dflt, section }),",
                "    openTextDocument: async (options) => { opened.push(options); return { options }; },",
                "  },",
                "  window: { showTextDocument: async (doc, options) => { opened.push(options); } },",
                "};", ""), StandardCharsets.UTF_8);
        Files.writeString(modules.resolve("vscode-languageclient/node.js"), String.join("\n",
                "const made = [];",
                "class LanguageClient {",
                "  constructor(id, name, serverOptions, clientOptions) { made.push(this); Object.assign(this, { id, name, serverOptions, clientOptions }); }",
                "  async start() { this.started = true; }",
                "  async stop() { this.stopped = true; }",
                "  dispose() {}",
                "}",
                "module.exports = { LanguageClient, made };", ""), StandardCharsets.UTF_8);
        Files.copy(SAMPLE.resolve("extension.js"), tmp.resolve("extension.js"));
        Files.writeString(tmp.resolve("run.js"), String.join("\n",
                "const ext = require('./extension.js');",
                "const { made } = require('vscode-languageclient/node');",
                "const vscode = require('vscode');",
                "(async () => {",
                "  const context = { subscriptions: [] };",
                "  await ext.activate(context);",
                "  const c = made[0];",
                "  const answer = await c.clientOptions.middleware.executeCommand('smc-doctor.explain', ['TCP_FASTOPEN'],",
                "    async () => '## TCP_FASTOPEN');",
                "  await ext.deactivate();",
                "  console.log(JSON.stringify({ id: c.id, serverOptions: c.serverOptions, clientOptions: c.clientOptions,",
                "    started: c.started, stopped: c.stopped, subscriptions: context.subscriptions.length, answer,",
                "    opened: vscode.opened }));",
                "})().catch((e) => { console.log(JSON.stringify({ error: String(e.stack || e) })); process.exit(2); });",
                ""), StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("node", "run.js").directory(tmp.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        JsonObject r = JsonParser.parseString(out).getAsJsonObject();

        assertThat(r.getAsJsonObject("serverOptions").get("command").getAsString()).isEqualTo("java");
        assertThat(r.getAsJsonObject("serverOptions").getAsJsonArray("args").toString())
                .isEqualTo("[\"-jar\",\"/x/smc-doctor.jar\",\"lsp\"]");
        JsonObject options = r.getAsJsonObject("clientOptions");
        Set<String> selected = new TreeSet<>();
        for (JsonElement e : options.getAsJsonArray("documentSelector")) {
            selected.add(e.getAsJsonObject().get("language").getAsString());
        }
        assertThat(selected).isEqualTo(new TreeSet<>(LANGUAGES));
        JsonObject init = options.getAsJsonObject("initializationOptions");
        assertThat(init.get("kernel").getAsString()).isEqualTo("upstream-6.12");
        assertThat(init.getAsJsonObject("severity").get("M").getAsString()).isEqualTo("hint");
        assertThat(options.getAsJsonObject("synchronize").get("configurationSection").getAsString())
                .isEqualTo("smcDoctor");
        assertThat(r.get("started").getAsBoolean()).isTrue();
        assertThat(r.get("stopped").getAsBoolean()).isTrue();
        assertThat(r.get("subscriptions").getAsInt()).isEqualTo(1);
        assertThat(r.get("answer").getAsString()).isEqualTo("## TCP_FASTOPEN");
        JsonArray opened = r.getAsJsonArray("opened");
        assertThat(opened.get(0).getAsJsonObject().get("language").getAsString()).isEqualTo("markdown");
        assertThat(opened.get(0).getAsJsonObject().get("content").getAsString()).isEqualTo("## TCP_FASTOPEN");
    }
}
