/**
 * Helpers for the VS Code suite: the extension's API, the fixture workspace's files, and
 * waiting for asynchronous results with a deadline (never a fixed sleep).
 */
import * as assert from "node:assert/strict";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import * as vscode from "vscode";
import type { WranglerBindingsApi } from "../../../client/src/extension";

export const EXTENSION_ID = "wrangler-bindings.wrangler-bindings";

export async function activateExtension(): Promise<WranglerBindingsApi> {
  const extension = vscode.extensions.getExtension<WranglerBindingsApi>(EXTENSION_ID);
  assert.ok(extension, `the extension ${EXTENSION_ID} is not installed in this VS Code`);
  return extension.activate();
}

export function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, "the fixture workspace is not open");
  return vscode.Uri.joinPath(folder.uri, path);
}

/** Polls until the check returns a value (not undefined), or fails after the deadline. */
export async function eventually<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  deadlineMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Asks the launcher for a screenshot of the workbench and waits until it is saved. */
export async function screenshot(name: string): Promise<void> {
  const dir = process.env.WB_SCREENSHOTS;
  if (!dir) return;
  rmSync(join(dir, `${name}.png`), { force: true });
  console.log(`screenshot:${name}`);
  await eventually(
    `the ${name} screenshot`,
    () => (existsSync(join(dir, `${name}.png`)) ? true : undefined),
    10_000,
  );
}

/** Throws away the unsaved edits of a document, so the next test starts from the fixture. */
export async function revert(document: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand("workbench.action.files.revert");
  await eventually(`${document.uri.path} to be reverted`, () =>
    document.isDirty ? undefined : true,
  );
}

/** Whether typeText() types: under launcher.mjs, not under desktop VS Code. */
export const CAN_TYPE = process.env.WB_CAN_TYPE === "1";

/**
 * Types the text into the focused input (a quick pick's filter, an input box) in place of what
 * it holds, key by key as a user would. The launcher does the typing, since the extension host
 * cannot; wait for the effect you expect.
 */
export function typeText(text: string): void {
  console.log(`wb-type:${JSON.stringify(text)}`);
}
