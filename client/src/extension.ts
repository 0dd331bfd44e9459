/**
 * The VS Code side: starts the language server for Worker configurations and shows what it
 * computes: diagnostics and editor features through LSP, the Bindings explorer, "Add binding"
 * and the binding commands through the custom requests of server/src/protocol.ts. The client
 * parses nothing itself.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import type { WorkerNode } from "../../server/src/protocol";
import { addBinding, type AddBindingTarget } from "./add-binding";
import { copyBindingName, openBindingDocs, removeBinding, revealBinding } from "./commands";
import { BindingsExplorer, type ExplorerNode } from "./explorer";
import { lastErrorMessage, showError } from "./error-message";
import { configFileNames, createLanguageClient, RestartBudget } from "./language-client";
import { currentInput, currentPrompt, type StepInput } from "./multi-step";
import { createStatusItem } from "./status";

/** What the extension exposes to its tests (and to other extensions). */
export interface WranglerBindingsApi {
  readonly client: LanguageClient;
  /** The explorer's data, as shown. */
  workers(): Promise<readonly WorkerNode[]>;
  /** Shows the explorer with every Worker expanded; resolves once the tree is drawn. */
  showExplorer(): Promise<void>;
  /** The question "Add binding" shows now, if any. */
  currentPrompt(): string | undefined;
  /**
   * The quick pick or input box asking that question, for tests to read (value, step, validation
   * message). They type into it with real keys: an input box's `value` set by an extension does
   * not fire its change event, so it would not be validated as typing is.
   */
  currentInput(): StepInput | undefined;
  /** The last error message shown to the user: notifications cannot be read through the API. */
  lastErrorMessage(): string | undefined;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<WranglerBindingsApi> {
  const log = vscode.window.createOutputChannel("Wrangler Bindings", { log: true });
  context.subscriptions.push(log);
  log.info(`Wrangler Bindings ${String(context.extension.packageJSON.version)} activating`);
  log.info(`Settings: configFileNames=${JSON.stringify(configFileNames())}`);

  const budget = new RestartBudget();
  client = createLanguageClient(context, log, budget);
  const started = client;
  try {
    await started.start();
  } catch (error) {
    log.error(`The language server did not start: ${String(error)}`);
    showError("Wrangler Bindings: the language server did not start.", log);
    throw error;
  }

  const explorer = new BindingsExplorer(started, log);
  const view = vscode.window.createTreeView("wranglerBindings.explorer", {
    treeDataProvider: explorer,
    showCollapseAll: true,
  });
  const selector = configFileNames().map((name) => ({ scheme: "file", pattern: `**/${name}` }));
  context.subscriptions.push(explorer, view, createStatusItem(selector, explorer));
  void explorer.refresh();

  const command = (id: string, run: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(`wranglerBindings.${id}`, run));
  type Binding = Extract<ExplorerNode, { type: "binding" }>;
  command("addBinding", (target: AddBindingTarget) => addBinding(started, explorer, target));
  command("removeBinding", (node: Binding) => removeBinding(started, node));
  command("revealBinding", (node: Binding) => revealBinding(started, node));
  command("copyBindingName", (node: Binding) => copyBindingName(node));
  command("openBindingDocs", (node: ExplorerNode) => openBindingDocs(node));
  command("refreshExplorer", () => explorer.refresh());
  command("showLog", () => log.show());
  // Also the way back after the client gave up on a server that kept stopping.
  command("restartServer", async () => {
    budget.reset();
    log.info("Restarting the language server, as asked.");
    await (started.isRunning() ? started.restart() : started.start());
    await explorer.refresh();
  });

  const showExplorer = async () => {
    await vscode.commands.executeCommand("workbench.view.extension.wranglerBindings");
    // A refresh the server asked for may redraw the tree under a reveal; try again then.
    for (let attempt = 1; ; attempt++) {
      try {
        for (const worker of await explorer.current()) {
          await view.reveal({ type: "worker", worker }, { expand: 3, focus: false, select: false });
        }
        return;
      } catch (error) {
        if (attempt === 3) throw error;
        await explorer.refresh();
      }
    }
  };
  return {
    client: started,
    workers: () => explorer.current(),
    showExplorer,
    currentPrompt,
    currentInput,
    lastErrorMessage,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
