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

/** The server's recent stops: a stop within the window counts against `MAX_RESTARTS`. */
export class RestartBudget {
  private stops: number[] = [];

  /** Counts a stop; false when the budget is spent and the server must stay down. */
  spend(now = Date.now()): boolean {
    this.stops = this.stops.filter((time) => now - time <= RESTART_WINDOW_MS);
    if (this.stops.length >= MAX_RESTARTS) return false;
    this.stops.push(now);
    return true;
  }

  get spent(): number {
    return this.stops.length;
  }

  /** A restart the user asked for starts afresh. */
  reset(): void {
    this.stops = [];
  }
}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  budget: RestartBudget,
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
    errorHandler: restartingErrorHandler(log, budget),
  };
  return new LanguageClient("wranglerBindings", "Wrangler Bindings", serverOptions, clientOptions);
}

function restartingErrorHandler(log: vscode.LogOutputChannel, budget: RestartBudget): ErrorHandler {
  return {
    // A server that dies leaves a burst of failed writes (cancellations, the editor's pending
    // requests) before its connection closes. Shutting down on them would stop it for good,
    // without a restart and without the message below; the close decides instead.
    error: (error) => {
      log.error(`Language server connection error: ${error.message}`);
      return { action: ErrorAction.Continue, handled: true };
    },
    closed: () => {
      if (!budget.spend()) {
        log.error(
          `The language server stopped ${MAX_RESTARTS + 1} times in 3 minutes; not restarting.`,
        );
        showError(GAVE_UP, log, {
          title: "Restart",
          run: () => vscode.commands.executeCommand("wranglerBindings.restartServer"),
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      }
      log.warn(`The language server stopped; restarting it (${budget.spent} of ${MAX_RESTARTS}).`);
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

export const GAVE_UP =
  "Wrangler Bindings: the language server keeps stopping and was not restarted. " +
  'Run "Wrangler Bindings: Restart Language Server" to try again.';
