/**
 * Starts the language server and keeps it running: a server that dies is restarted, a bounded
 * number of times, and the user is told when it stays down.
 */
import * as vscode from "vscode";
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from "vscode-languageclient/node";
import { showError } from "./error-message";

/** The names Wrangler itself looks for, always served whatever the setting says. */
export const WRANGLER_NAMES = ["wrangler.toml", "wrangler.json", "wrangler.jsonc"];

/** Restarts allowed within the window before the extension gives up on the server. */
export const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

export function configFileNames(): string[] {
  const configured = vscode.workspace
    .getConfiguration("wranglerBindings")
    .get<string[]>("configFileNames", WRANGLER_NAMES);
  return [...new Set([...WRANGLER_NAMES, ...configured])];
}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): LanguageClient {
  const serverModule = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.stdio },
    debug: {
      module: serverModule,
      transport: TransportKind.stdio,
      options: { execArgv: ["--inspect=6009"] },
    },
  };

  const names = configFileNames();
  // The server knows the workspace's Workers by name (for `service = "…"`) and shows them in
  // the explorer; a configuration created, deleted or renamed on disk must reach it.
  const watcher = vscode.workspace.createFileSystemWatcher(`**/{${names.join(",")}}`);
  context.subscriptions.push(watcher);

  const clientOptions: LanguageClientOptions = {
    documentSelector: names.map((name) => ({ scheme: "file", pattern: `**/${name}` })),
    outputChannel: log,
    initializationOptions: { configFileNames: names },
    synchronize: { configurationSection: "wranglerBindings", fileEvents: watcher },
    errorHandler: restartingErrorHandler(log),
  };
  return new LanguageClient("wranglerBindings", "Wrangler Bindings", serverOptions, clientOptions);
}

function restartingErrorHandler(log: vscode.LogOutputChannel): ErrorHandler {
  const restarts: number[] = [];
  return {
    // A server that dies leaves a burst of failed writes (cancellations, the editor's pending
    // requests) before its connection closes. Shutting down on them would stop it for good,
    // without a restart and without the message below; the close decides instead.
    error: (error) => {
      log.error(`Language server connection error: ${error.message}`);
      return { action: ErrorAction.Continue, handled: true };
    },
    closed: () => {
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0]! > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        log.error(
          `The language server stopped ${MAX_RESTARTS + 1} times in 3 minutes; not restarting.`,
        );
        showError(
          "Wrangler Bindings: the language server keeps stopping and was not restarted. Reload the window to try again.",
          log,
        );
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      restarts.push(now);
      log.warn(
        `The language server stopped; restarting it (${restarts.length} of ${MAX_RESTARTS}).`,
      );
      return { action: CloseAction.Restart, handled: true };
    },
  };
}
