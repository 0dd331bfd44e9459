/**
 * The extension manifest and the client code must agree: every contributed command is
 * registered, every menu entry names a contributed command, the view the code creates is the
 * view the manifest declares, and every packaged path exists.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";

const root = resolve(__dirname, "../..");
const manifest = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));
const extension = readFileSync(resolve(root, "client/src/extension.ts"), "utf8");

test("every contributed command is registered by the client, and only those", () => {
  const contributed = manifest.contributes.commands
    .map((c: { command: string }) => c.command)
    .sort();
  const registered = [...extension.matchAll(/command\("(\w+)"/g)]
    .map((m) => `wranglerBindings.${m[1]}`)
    .sort();
  assert.deepEqual(registered, contributed);
});

test("every menu entry names a contributed command", () => {
  const contributed = new Set(
    manifest.contributes.commands.map((c: { command: string }) => c.command),
  );
  for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
    for (const entry of entries as { command: string }[]) {
      assert.ok(contributed.has(entry.command), `${menu} names ${entry.command}`);
    }
  }
});

test("the tree view the client creates is the one the manifest declares", () => {
  const views = manifest.contributes.views.wranglerBindings.map((v: { id: string }) => v.id);
  const created = [...extension.matchAll(/createTreeView\("([\w.]+)"/g)].map((m) => m[1]);
  assert.deepEqual(created, views);
});

test("the paths the manifest names exist", () => {
  const paths = [
    manifest.contributes.viewsContainers.activitybar[0].icon,
    manifest.contributes.grammars[0].path,
    manifest.contributes.languages[0].configuration,
  ];
  for (const path of paths) assert.ok(existsSync(resolve(root, path)), path);
});
