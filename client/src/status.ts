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
    const problems = uri ? problemCount(vscode.Uri.parse(uri)) : 0;
    const found = problems > 0 ? `, ${problems} problem${problems === 1 ? "" : "s"}` : "";
    item.text = worker ? `${summary(worker)}${found}` : "Wrangler Bindings";
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
    vscode.languages.onDidChangeDiagnostics(() => void update()),
  );
}

/** The server's diagnostics on a file: the ones it published under its own source. */
function problemCount(uri: vscode.Uri): number {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === "wrangler-bindings")
    .length;
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
