// Drives `smc-doctor lsp` (started as a child process) with the npm package vscode-jsonrpc, the JSON-RPC layer of
// VS Code's language client. Usage: node vscode-jsonrpc-client.js CONFIG.json
// CONFIG: {"command": [argv...], "uri": "...", "text": "..."}. Prints one JSON object with what the server answered.
'use strict';
const fs = require('fs');
const childProcess = require('child_process');
const rpc = require('vscode-jsonrpc/node');

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const deadline = setTimeout(() => {
  process.stdout.write(JSON.stringify({ error: 'timed out' }) + '\n');
  process.exit(3);
}, 90000);

const server = childProcess.spawn(config.command[0], config.command.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
const connection = rpc.createMessageConnection(
  new rpc.StreamMessageReader(server.stdout), new rpc.StreamMessageWriter(server.stdin));

const waiting = new Map();
const published = [];
connection.onNotification('textDocument/publishDiagnostics', (p) => {
  published.push(p);
  const w = waiting.get(p.version);
  if (w) {
    waiting.delete(p.version);
    w(p);
  }
});
const messages = [];
connection.onNotification('window/showMessage', (m) => messages.push(m));
connection.onNotification('window/logMessage', (m) => messages.push(m));
connection.listen();

function diagnosticsOf(version) {
  const seen = published.find((p) => p.version === version);
  return seen ? Promise.resolve(seen) : new Promise((resolve) => waiting.set(version, resolve));
}

async function main() {
  const out = {};
  out.initialize = await connection.sendRequest('initialize', {
    processId: process.pid,
    locale: 'ja',
    rootUri: null,
    capabilities: { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } },
    initializationOptions: { kernel: 'upstream-6.12' },
  });
  connection.sendNotification('initialized', {});
  connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: config.uri, languageId: 'c', version: 1, text: config.text },
  });
  out.opened = await diagnosticsOf(1);
  const tfo = out.opened.diagnostics.find((d) => d.code === 'TCP_FASTOPEN');
  // replace TCP_FASTOPEN by TCP_NODELAY in place (incremental)
  connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: config.uri, version: 2 },
    contentChanges: [{ range: tfo.range, text: 'TCP_NODELAY' }],
  });
  out.changed = await diagnosticsOf(2);
  const bind = out.changed.diagnostics[0];
  out.hover = await connection.sendRequest('textDocument/hover', {
    textDocument: { uri: config.uri }, position: bind.range.start,
  });
  out.actions = await connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: config.uri }, range: bind.range, context: { diagnostics: [bind] },
  });
  out.explain = await connection.sendRequest('workspace/executeCommand', {
    command: 'smc-doctor.explain', arguments: ['SO_BINDTODEVICE'],
  });
  try {
    await connection.sendRequest('smcDoctor/noSuchMethod', {});
    out.unknown = 'answered';
  } catch (e) {
    out.unknown = { code: e.code, message: e.message };
  }
  out.shutdown = await connection.sendRequest('shutdown');
  connection.sendNotification('exit');
  out.exitCode = await exited;
  out.messages = messages;
  connection.dispose();
  clearTimeout(deadline);
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stdout.write(JSON.stringify({ error: String(e && e.stack || e) }) + '\n');
  process.exit(2);
});
