import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { State } from "vscode-languageclient/node";
import { activateExtension, eventually, workspaceUri } from "./support";

describe("a language server that stops", () => {
  it("is restarted, and answers again", async () => {
    const api = await activateExtension();
    const restarted = new Promise<void>((resolve) => {
      const listener = api.client.onDidChangeState((change) => {
        if (change.oldState === State.Starting && change.newState === State.Running) {
          listener.dispose();
          resolve();
        }
      });
    });
    // An `exit` without `shutdown` makes the server quit at once, as a crash would.
    await api.client.sendNotification("exit");
    await restarted;
    assert.equal(api.client.isRunning(), true);

    const uri = workspaceUri("broken/wrangler.toml");
    await vscode.window.showTextDocument(uri);
    const codes = await eventually("diagnostics from the restarted server", () => {
      const found = vscode.languages.getDiagnostics(uri).map((d) => String(d.code));
      return found.length > 0 ? found.sort() : undefined;
    });
    assert.deepEqual(codes, ["invalid-value", "unknown-key"]);
  });
});
