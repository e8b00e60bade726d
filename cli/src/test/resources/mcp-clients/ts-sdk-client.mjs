// A client of the smc-doctor MCP server written with the official MCP TypeScript SDK (@modelcontextprotocol/sdk):
// Client + StdioClientTransport. Started by RealMcpClientsTest as: node ts-sdk-client.mjs <java> <server args...>.
// It lists tools, resources, resource templates and prompts, reads resources, calls ask_smc_question and
// explain_reason_code, gets the diagnose_host prompt, and prints what it saw as one JSON object on stdout.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";

const [, , command, ...args] = process.argv;
const transport = new StdioClientTransport({ command, args, stderr: "inherit" });
const client = new Client({ name: "smc-doctor-ts-sdk-test", version: "1.0.0" });
await client.connect(transport);

const out = {};
out.server = client.getServerVersion();
out.capabilities = client.getServerCapabilities();
out.tools = (await client.listTools()).tools.map((t) => t.name);
out.resources = (await client.listResources()).resources.map((r) => r.uri);
out.templates = (await client.listResourceTemplates()).resourceTemplates.map((t) => t.uriTemplate);
out.prompts = (await client.listPrompts()).prompts.map((p) => p.name);

const code = await client.readResource({ uri: "smc-doctor://reason-code/0x03030000" });
out.reasonCode = { mimeType: code.contents[0].mimeType, json: JSON.parse(code.contents[0].text) };
const index = await client.readResource({ uri: "smc-doctor://sysctls" });
out.sysctlIndex = JSON.parse(index.contents[0].text);
const sysctl = await client.readResource({ uri: "smc-doctor://sysctl/net.smc.limit_smc_hs?lang=ja" });
out.sysctl = JSON.parse(sysctl.contents[0].text);
try {
  await client.readResource({ uri: "smc-doctor://sysctl/net.smc.limit_smc_hz" });
  out.missing = "no error";
} catch (e) {
  out.missing = { code: e.code, message: e.message };
}

const ask = await client.callTool({
  name: "ask_smc_question",
  arguments: { question: "smcr stats で Buffer full が多いときは SMC のバッファを増やすべき？", limit: 3 },
});
out.ask = { isError: ask.isError ?? false, structured: ask.structuredContent };
const explain = await client.callTool({
  name: "explain_reason_code",
  arguments: { code: "TCP 0x05000000/0x03030000", lang: "ja" },
});
out.explain = { isError: explain.isError ?? false, structured: explain.structuredContent };

const prompt = await client.getPrompt({ name: "diagnose_host", arguments: { symptom: "curl fails after enabling SMC-R" } });
out.prompt = prompt.messages.map((m) => m.content.text).join("\n");

await client.close();
process.stdout.write(JSON.stringify(out) + "\n");
