// Minimal VS Code extension: starts `smc-doctor lsp` on stdio for C/C++, Java, Go, Python and Rust files.
'use strict';
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

const LANGUAGES = ['c', 'cpp', 'java', 'go', 'python', 'rust'];
let client;

async function activate(context) {
  const config = vscode.workspace.getConfiguration('smcDoctor');
  const [command, ...args] = config.get('command', ['smc-doctor', 'lsp']);
  const serverOptions = { command, args };
  const clientOptions = {
    documentSelector: LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    // the settings go to the server at start and again whenever they change (workspace/didChangeConfiguration)
    initializationOptions: {
      kernel: config.get('kernel'),
      severity: config.get('severity'),
      explanationUrl: config.get('explanationUrl'),
    },
    synchronize: { configurationSection: 'smcDoctor' },
    middleware: {
      // "Explain ..." code actions run smc-doctor.explain on the server; show its Markdown answer beside the code
      executeCommand: async (name, commandArgs, next) => {
        const answer = await next(name, commandArgs);
        if (name === 'smc-doctor.explain' && typeof answer === 'string') {
          const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: answer });
          await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        }
        return answer;
      },
    },
  };
  client = new LanguageClient('smcDoctor', 'SMC Doctor', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
