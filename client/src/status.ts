/**
 * A language status item on Worker configurations: what the server sees in the active file
 * (its Worker, environments, bindings and problems), with a click through to the log.
 */
import * as vscode from "vscode";
import type { WorkerNode } from "../../server/src/protocol";
import type { BindingsExplorer } from "./explorer";

export function createStatusItem(
  selector: vscode.DocumentSelector,
  explorer: BindingsExplorer,
): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem("wranglerBindings.status", selector);
  item.name = "Wrangler Bindings";
  item.command = { command: "wranglerBindings.showLog", title: "Show Log" };

  const update = async () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const worker = (await explorer.current()).find((w) => w.uri === uri);
    item.text = worker ? summary(worker) : "Wrangler Bindings";
    item.detail = worker ? "checked in every environment" : "starting…";
    item.severity =
      worker?.level === "error"
        ? vscode.LanguageStatusSeverity.Error
        : worker?.level === "warning"
          ? vscode.LanguageStatusSeverity.Warning
          : vscode.LanguageStatusSeverity.Information;
  };
  void update();
  return vscode.Disposable.from(
    item,
    explorer.onDidChangeTreeData(() => void update()),
    vscode.window.onDidChangeActiveTextEditor(() => void update()),
  );
}

function summary(worker: WorkerNode): string {
  const environments = worker.environments.length - 1;
  const bindings = worker.environments.reduce(
    (n, environment) => n + environment.kinds.reduce((m, kind) => m + kind.bindings.length, 0),
    0,
  );
  const name = worker.name ?? "unnamed Worker";
  const envs = environments > 0 ? `, ${environments} env${environments === 1 ? "" : "s"}` : "";
  return `${name}: ${bindings} binding${bindings === 1 ? "" : "s"}${envs}`;
}
