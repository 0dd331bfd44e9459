import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { ErrorAction, State } from "vscode-languageclient/node";
import { GAVE_UP, MAX_RESTARTS } from "../../../client/src/language-client";
import type { WranglerBindingsApi } from "../../../client/src/extension";
import { WorkersRequest } from "../../../server/src/protocol";
import { activateExtension, eventually, workspaceUri } from "./support";

/** The server's stops in this file, for messages. */
let stops = 0;

/** An `exit` without `shutdown` makes the server quit at once, as a crash would. */
async function stopServer(api: WranglerBindingsApi): Promise<void> {
  stops++;
  await api.client.sendNotification("exit");
}

/** The command a user runs after the client gave up; it also refills the restart budget. */
async function restartByHand(): Promise<void> {
  await vscode.commands.executeCommand("wranglerBindings.restartServer");
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

  // Starts and ends with the restart command: the budget is full before and after, whatever
  // ran earlier in the suite.
  it(`is not restarted after ${MAX_RESTARTS} restarts, and the user is told`, async () => {
    const api = await activateExtension();
    await restartByHand();
    const uri = workspaceUri("broken/wrangler.toml");
    await vscode.window.showTextDocument(uri);
    for (let restart = 0; restart < MAX_RESTARTS; restart++) await stopAndAwaitRestart(api);
    assert.equal(api.lastErrorMessage(), undefined);

    const states: State[] = [];
    const listener = api.client.onDidChangeState((change) => states.push(change.newState));
    try {
      await stopServer(api);
      const message = await eventually("the user to be told", () =>
        api.client.state === State.Stopped ? api.lastErrorMessage() : undefined,
      );
      assert.equal(message, GAVE_UP);
      // A restart would begin at once (the client calls start() on the close); give it time.
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.deepEqual(states, [State.Stopped]);
    } finally {
      listener.dispose();
    }
    assert.deepEqual(vscode.languages.getDiagnostics(uri), [], "no stale diagnostics");
    await assert.rejects(api.client.sendRequest(WorkersRequest, {}), /not running/);

    // The command the message offers brings the server back, with a full budget.
    await restartByHand();
    assert.equal(api.client.isRunning(), true);
    assert.deepEqual(await diagnosticCodes(uri), ["invalid-value", "unknown-key"]);
    await stopAndAwaitRestart(api);
    assert.deepEqual(await diagnosticCodes(uri), ["invalid-value", "unknown-key"]);
  });

  it("is restarted by the command while it runs, and answers again", async () => {
    const api = await activateExtension();
    const uri = workspaceUri("broken/wrangler.toml");
    await vscode.window.showTextDocument(uri);
    await restartByHand();
    assert.equal(api.client.isRunning(), true);
    assert.deepEqual(await diagnosticCodes(uri), ["invalid-value", "unknown-key"]);
    assert.ok((await api.workers()).length > 0, "the explorer is filled again");
  });
});
