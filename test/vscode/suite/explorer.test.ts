import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { WorkerNode } from "../../../server/src/protocol";
import { activateExtension, eventually, revert, screenshot, workspaceUri } from "./support";

/** The explorer's data as `worker / environment / kind: bindings` lines. */
function outline(workers: readonly WorkerNode[]): string[] {
  return workers.flatMap((worker) =>
    worker.environments.flatMap((environment) =>
      environment.kinds.map(
        (kind) =>
          `${worker.name} / ${environment.name ?? "top"} / ${kind.key}: ${kind.bindings.map((b) => b.label).join(", ")}`,
      ),
    ),
  );
}

describe("the Bindings explorer", () => {
  it("shows every Worker, environment, kind and binding of the workspace", async () => {
    const api = await activateExtension();
    const workers = await eventually("the explorer's data", async () => {
      const current = await api.workers();
      return current.length === 3 ? current : undefined;
    });
    assert.deepEqual(outline(workers), [
      "api / top / services: AUTH",
      "api / top / kv_namespaces: CACHE",
      "api / top / durable_objects.bindings: ROOMS",
      "api / staging / services: AUTH",
      "api / staging / kv_namespaces: CACHE",
      "api / staging / durable_objects.bindings: ROOMS",
      "auth / top / r2_buckets: SESSIONS",
      "broken / top / r2_buckets: FILES",
    ]);
    await api.showExplorer();
    await screenshot("explorer");
  });

  it("follows an unsaved edit", async () => {
    const api = await activateExtension();
    const uri = workspaceUri("auth/wrangler.jsonc");
    const document = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    const text = document.getText();
    const at = document.positionAt(text.indexOf('"SESSIONS"'));
    edit.replace(uri, new vscode.Range(at, at.translate(0, '"SESSIONS"'.length)), '"TOKENS"');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await eventually("the explorer to show the new name", async () => {
      const lines = outline(await api.workers());
      return lines.includes("auth / top / r2_buckets: TOKENS") ? lines : undefined;
    });
    await revert(document);
  });
});
