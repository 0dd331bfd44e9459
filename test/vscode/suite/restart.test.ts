import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { ErrorAction, State } from "vscode-languageclient/node";
import { MAX_RESTARTS } from "../../../client/src/language-client";
import type { WranglerBindingsApi } from "../../../client/src/extension";
import { WorkersRequest } from "../../../server/src/protocol";
import { activateExtension, eventually, workspaceUri } from "./support";

const GAVE_UP =
  "Wrangler Bindings: the language server keeps stopping and was not restarted. Reload the window to try again.";

/**
 * The server's stops in this file, in order. The client counts them over three minutes, a
 * whole suite run, so the second test goes on from where the first left off.
 */
let stops = 0;

/** An `exit` without `shutdown` makes the server quit at once, as a crash would. */
async function stopServer(api: WranglerBindingsApi): Promise<void> {
  stops++;
  await api.client.sendNotification("exit");
}

async function stopAndAwaitRestart(api: WranglerBindingsApi): Promise<void> {
  const seen: string[] = [];
  const listener = api.client.onDidChangeState((change) =>
    seen.push(`${State[change.oldState]} → ${State[change.newState]}`),
  );
  try {
    await stopServer(api);
    await eventually(`a restart after stop ${stops}`, () => {
      assert.ok(seen.includes("Starting → Running"), `the client went ${seen.join(", ")}`);
      return true;
    });
  } finally {
    listener.dispose();
  }
}

async function diagnosticCodes(uri: vscode.Uri): Promise<string[]> {
  return eventually(`diagnostics of ${uri.path}`, () => {
    const found = vscode.languages.getDiagnostics(uri).map((d) => String(d.code));
    return found.length > 0 ? found.sort() : undefined;
  });
}

describe("a language server that stops", () => {
  // Writes fail in a burst between a crash and the close; the close must still be the judge.
  it("is not shut down by failed writes", async () => {
    const api = await activateExtension();
    const handler = api.client.clientOptions.errorHandler;
    assert.ok(handler);
    const failed = await handler.error(new Error("write EPIPE"), undefined, 10);
    assert.equal(failed.action, ErrorAction.Continue);
  });

  it("is restarted, and answers again", async () => {
    const api = await activateExtension();
    await stopAndAwaitRestart(api);
    assert.equal(api.client.isRunning(), true);

    const uri = workspaceUri("broken/wrangler.toml");
    await vscode.window.showTextDocument(uri);
    assert.deepEqual(await diagnosticCodes(uri), ["invalid-value", "unknown-key"]);
  });

  // Leaves the server running again, so tests may follow; but its restarts are spent.
  it(`is not restarted after ${MAX_RESTARTS} restarts, and the user is told`, async () => {
    const api = await activateExtension();
    const uri = workspaceUri("broken/wrangler.toml");
    await vscode.window.showTextDocument(uri);
    while (stops < MAX_RESTARTS) await stopAndAwaitRestart(api);
    assert.equal(api.lastErrorMessage(), undefined);

    const states: State[] = [];
    const listener = api.client.onDidChangeState((change) => states.push(change.newState));
    try {
      await stopServer(api);
      const message = await eventually("the user to be told", () =>
        api.client.state === State.Stopped ? api.lastErrorMessage() : undefined,
      );
      assert.equal(message, GAVE_UP);
      // A restart would begin in the same turn as the stop: the client calls start() at once.
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(states, [State.Stopped]);
    } finally {
      listener.dispose();
    }
    assert.deepEqual(vscode.languages.getDiagnostics(uri), [], "no stale diagnostics");
    await assert.rejects(api.client.sendRequest(WorkersRequest, {}), /not running/);

    // Started by hand, as reloading the window would.
    await api.client.start();
    assert.deepEqual(await diagnosticCodes(uri), ["invalid-value", "unknown-key"]);
  });
});
