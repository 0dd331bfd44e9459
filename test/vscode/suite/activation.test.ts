import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, eventually, workspaceUri } from "./support";

describe("activation and diagnostics", () => {
  it("activates for the workspace and starts its language server", async () => {
    const api = await activateExtension();
    assert.equal(api.client.isRunning(), true, "the language server is not running");
  });

  it("reports the broken configuration's problems with their codes and ranges", async () => {
    const uri = workspaceUri("broken/wrangler.toml");
    await vscode.window.showTextDocument(uri);
    const found = await eventually("diagnostics of broken/wrangler.toml", () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return diagnostics.length >= 2 ? diagnostics : undefined;
    });
    const summary = found.map(
      (d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`,
    );
    assert.deepEqual(summary.sort(), ["4:3 unknown-key", "9:15 invalid-value"]);
  });
});
