/**
 * The Bindings explorer: every Worker configuration of the workspace → its environments → the
 * binding kinds each uses → the bindings. The tree is what the server's `workers` request
 * returns; the server says when it changes (edits, unsaved ones included, and files created
 * or deleted), and the tree asks again.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import {
  WorkersChangedNotification,
  WorkersRequest,
  type BindingNode,
  type EnvironmentNode,
  type KindNode,
  type ProblemLevel,
  type WorkerNode,
  type WorkersResult,
} from "../../server/src/protocol";

export type ExplorerNode =
  | { readonly type: "worker"; readonly worker: WorkerNode }
  | {
      readonly type: "environment";
      readonly worker: WorkerNode;
      readonly environment: EnvironmentNode;
    }
  | {
      readonly type: "kind";
      readonly worker: WorkerNode;
      readonly environment: EnvironmentNode;
      readonly kind: KindNode;
    }
  | {
      readonly type: "binding";
      readonly worker: WorkerNode;
      readonly environment: EnvironmentNode;
      readonly kind: KindNode;
      readonly binding: BindingNode;
    };

export class BindingsExplorer implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private workers: WorkerNode[] = [];
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Resolves once the first answer arrived, for commands that run before the tree is shown. */
  private loaded: Promise<void> | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(client.onNotification(WorkersChangedNotification, () => this.refresh()));
  }

  /** The workers as last shown. */
  async current(): Promise<readonly WorkerNode[]> {
    await (this.loaded ??= this.refresh());
    return this.workers;
  }

  async refresh(): Promise<void> {
    try {
      this.workers = await this.client.sendRequest<WorkersResult>(WorkersRequest, {});
    } catch (error) {
      this.log.error(`The Bindings explorer could not be read: ${String(error)}`);
      this.workers = [];
    }
    await vscode.commands.executeCommand(
      "setContext",
      "wranglerBindings.hasConfigs",
      this.workers.length > 0,
    );
    this.changed.fire();
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] {
    if (!node) return this.workers.map((worker) => ({ type: "worker", worker }));
    switch (node.type) {
      case "worker":
        return node.worker.environments.map((environment) => ({
          ...node,
          type: "environment",
          environment,
        }));
      case "environment":
        return node.environment.kinds.map((kind) => ({ ...node, type: "kind", kind }));
      case "kind":
        return node.kind.bindings.map((binding) => ({ ...node, type: "binding", binding }));
      case "binding":
        return [];
    }
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    switch (node.type) {
      case "worker":
        return undefined;
      case "environment":
        return { type: "worker", worker: node.worker };
      case "kind":
        return { type: "environment", worker: node.worker, environment: node.environment };
      case "binding":
        return { ...node, type: "kind" };
    }
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    switch (node.type) {
      case "worker":
        return workerItem(node.worker);
      case "environment":
        return environmentItem(node.worker, node.environment);
      case "kind":
        return kindItem(node);
      case "binding":
        return bindingItem(node);
    }
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

function workerItem(worker: WorkerNode): vscode.TreeItem {
  const uri = vscode.Uri.parse(worker.uri);
  const item = new vscode.TreeItem(
    worker.name ?? "(unnamed Worker)",
    vscode.TreeItemCollapsibleState.Expanded,
  );
  item.id = worker.uri;
  item.description = vscode.workspace.asRelativePath(uri);
  item.tooltip = uri.fsPath;
  item.iconPath = problemIcon(worker.level) ?? new vscode.ThemeIcon("cloud");
  item.contextValue = "worker";
  item.resourceUri = uri;
  return item;
}

function environmentItem(worker: WorkerNode, environment: EnvironmentNode): vscode.TreeItem {
  const label = environment.name === undefined ? "Top level" : `env.${environment.name}`;
  const state =
    environment.name === undefined
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(label, state);
  item.id = `${worker.uri}#${environment.name ?? ""}`;
  const count = environment.kinds.reduce((n, kind) => n + kind.bindings.length, 0);
  item.description = `${count} binding${count === 1 ? "" : "s"}`;
  item.iconPath = problemIcon(environment.level) ?? new vscode.ThemeIcon("layers");
  item.contextValue = "environment";
  return item;
}

function kindItem(node: Extract<ExplorerNode, { type: "kind" }>): vscode.TreeItem {
  const { kind } = node;
  const item = new vscode.TreeItem(kind.title, vscode.TreeItemCollapsibleState.Expanded);
  item.id = `${node.worker.uri}#${node.environment.name ?? ""}#${kind.key}`;
  item.description = String(kind.bindings.length);
  item.tooltip = new vscode.MarkdownString(`\`${kind.key}\` · [Cloudflare docs](${kind.docs})`);
  item.iconPath = new vscode.ThemeIcon(kind.icon);
  item.contextValue = "kind";
  return item;
}

function bindingItem(node: Extract<ExplorerNode, { type: "binding" }>): vscode.TreeItem {
  const { binding } = node;
  const item = new vscode.TreeItem(binding.label, vscode.TreeItemCollapsibleState.None);
  item.id = `${node.worker.uri}#${node.environment.name ?? ""}#${node.kind.key}#${binding.index}`;
  item.description = binding.description;
  const problems = binding.problems.map(
    (p) => `- ${p.level === "error" ? "Error" : "Warning"}: ${p.message}`,
  );
  item.tooltip = new vscode.MarkdownString([binding.tooltip, ...problems].join("\n\n"));
  const level = binding.problems.some((p) => p.level === "error")
    ? "error"
    : binding.problems.length > 0
      ? "warning"
      : undefined;
  item.iconPath = problemIcon(level) ?? new vscode.ThemeIcon("symbol-variable");
  item.contextValue = binding.name === undefined ? "binding" : "binding.named";
  item.command = {
    command: "wranglerBindings.revealBinding",
    title: "Reveal in File",
    arguments: [node],
  };
  return item;
}

function problemIcon(level: ProblemLevel | undefined): vscode.ThemeIcon | undefined {
  if (level === "error")
    return new vscode.ThemeIcon("error", new vscode.ThemeColor("list.errorForeground"));
  if (level === "warning") {
    return new vscode.ThemeIcon("warning", new vscode.ThemeColor("list.warningForeground"));
  }
  return undefined;
}
