import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { DEFAULT_SETTINGS } from "../../server/src/settings";
import { WorkspaceIndex } from "../../server/src/workspace-index";

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "wb-workspace-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test("finds every Worker configuration by name, skipping node_modules", () => {
  const root = workspace({
    "api/wrangler.toml": 'name = "api"\n',
    "auth/wrangler.jsonc": '{ // the auth Worker\n "name": "auth" }\n',
    "node_modules/dep/wrangler.toml": 'name = "dependency"\n',
    "web/wrangler.toml": "# no name yet\n",
  });
  const index = new WorkspaceIndex(
    () => undefined,
    () => DEFAULT_SETTINGS,
  );
  index.setFolders([pathToFileURL(root).href]);
  const found = index
    .workerConfigs()
    .map((ref) => [ref.name, ref.uri.slice(pathToFileURL(root).href.length)]);
  assert.deepEqual(found.sort(), [
    ["api", "/api/wrangler.toml"],
    ["auth", "/auth/wrangler.jsonc"],
  ]);
});

test("an open document's unsaved text wins over the disk", () => {
  const root = workspace({ "api/wrangler.toml": 'name = "api"\n' });
  const uri = pathToFileURL(join(root, "api/wrangler.toml")).href;
  const index = new WorkspaceIndex(
    (u) => (u === uri ? 'name = "api-renamed"\n' : undefined),
    () => DEFAULT_SETTINGS,
  );
  index.setFolders([pathToFileURL(root).href]);
  assert.deepEqual(
    index.workerConfigs().map((ref) => ref.name),
    ["api-renamed"],
  );
  assert.equal(index.readText(pathToFileURL(join(root, "missing.ts")).href), undefined);
});

test("a new configuration is seen after invalidate()", () => {
  const root = workspace({ "api/wrangler.toml": 'name = "api"\n' });
  const index = new WorkspaceIndex(
    () => undefined,
    () => DEFAULT_SETTINGS,
  );
  index.setFolders([pathToFileURL(root).href]);
  assert.equal(index.workerConfigs().length, 1);
  writeFileSync(join(root, "wrangler.toml"), 'name = "root"\n');
  assert.equal(index.workerConfigs().length, 1, "the scan is kept until files change");
  index.invalidate();
  assert.equal(index.workerConfigs().length, 2);
});
