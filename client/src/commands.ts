/**
 * The explorer's commands on a binding: reveal it, copy its name, open its documentation,
 * remove it (an edit the server computes, confirmed first, undoable as one step).
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { RemoveBindingRequest, type RemoveBindingResult } from "../../server/src/protocol";
import type { ExplorerNode } from "./explorer";

type BindingNode = Extract<ExplorerNode, { type: "binding" }>;

export async function revealBinding(client: LanguageClient, node: BindingNode): Promise<void> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(node.worker.uri));
  const range = client.protocol2CodeConverter.asRange(node.binding.selectionRange);
  await vscode.window.showTextDocument(document, { selection: range, preserveFocus: false });
}

export async function copyBindingName(node: BindingNode): Promise<void> {
  const name = node.binding.name ?? node.binding.label;
  await vscode.env.clipboard.writeText(name);
  vscode.window.setStatusBarMessage(`Copied "${name}"`, 3000);
}

export async function openBindingDocs(node: ExplorerNode): Promise<void> {
  if (node.type === "kind" || node.type === "binding") {
    await vscode.env.openExternal(vscode.Uri.parse(node.kind.docs));
  }
}

export async function removeBinding(client: LanguageClient, node: BindingNode): Promise<boolean> {
  const place =
    node.environment.name === undefined ? "the top level" : `env.${node.environment.name}`;
  const answer = await vscode.window.showWarningMessage(
    `Remove the ${node.kind.title} binding "${node.binding.label}" from ${place}?`,
    { modal: true },
    "Remove",
  );
  if (answer !== "Remove") return false;

  await vscode.workspace.openTextDocument(vscode.Uri.parse(node.worker.uri));
  const result = await client.sendRequest<RemoveBindingResult>(RemoveBindingRequest, {
    uri: node.worker.uri,
    environment: node.environment.name ?? null,
    kind: node.kind.key,
    index: node.binding.index,
  });
  if (!result) return false;
  return vscode.workspace.applyEdit(await client.protocol2CodeConverter.asWorkspaceEdit(result));
}
