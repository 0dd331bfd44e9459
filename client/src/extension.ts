/**
 * The VS Code side: starts the language server for Worker configurations and shows what it
 * reports. Everything the extension knows comes from the server; the client only wires it in.
 */
import * as path from "node:path";
import * as vscode from "vscode";
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

/** The names Wrangler itself looks for, always served whatever the setting says. */
const WRANGLER_NAMES = ["wrangler.toml", "wrangler.json", "wrangler.jsonc"];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel("Wrangler Bindings", { log: true });
  context.subscriptions.push(log);
  const version = String(context.extension.packageJSON.version);
  log.info(`Wrangler Bindings ${version} activating`);

  const serverModule = context.asAbsolutePath(path.join("dist", "server.js"));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { execArgv: ["--inspect=6009"] },
    },
  };
  const configFileNames = vscode.workspace
    .getConfiguration("wranglerBindings")
    .get<string[]>("configFileNames", WRANGLER_NAMES);
  log.info(`Settings: configFileNames=${JSON.stringify(configFileNames)}`);

  const names = [...new Set([...WRANGLER_NAMES, ...configFileNames])];
  // The server knows the workspace's Workers by name (for `service = "…"`); a configuration
  // created, deleted or renamed on disk must reach it.
  const watcher = vscode.workspace.createFileSystemWatcher(`**/{${names.join(",")}}`);
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: names.map((name) => ({ scheme: "file", pattern: `**/${name}` })),
    outputChannel: log,
    initializationOptions: { configFileNames },
    synchronize: { configurationSection: "wranglerBindings", fileEvents: watcher },
  };

  client = new LanguageClient(
    "wranglerBindings",
    "Wrangler Bindings",
    serverOptions,
    clientOptions,
  );
  try {
    await client.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log.error(`The language server did not start: ${message}`);
    void vscode.window
      .showErrorMessage("Wrangler Bindings: the language server did not start.", "Show Log")
      .then((choice) => choice && log.show());
    throw error;
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
