/**
 * "Add binding" and "Remove binding" through the built server over stdio: each request is
 * wired, reads an open document at its latest (unsaved) version and any other configuration
 * from disk, sees the workspace's files, and answers in the protocol's shapes. What the edits
 * contain is tested in test/unit.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { WorkspaceEdit } from "vscode-languageserver-protocol";
import {
  AddBindingChoicesRequest,
  AddBindingRequest,
  RemoveBindingRequest,
  ValidateBindingInputRequest,
  type AddBindingChoicesResult,
  type AddBindingResult,
  type ValidateBindingInputResult,
} from "../../server/src/protocol";
import { applied, documentEdit } from "../support/add-binding";
import { startServer, type TestServer } from "../support/lsp-client";

const ROOT = mkdtempSync(join(tmpdir(), "wb-add-"));
const SHOP = pathToFileURL(join(ROOT, "shop/wrangler.toml")).href;
const API = pathToFileURL(join(ROOT, "api/wrangler.jsonc")).href;
const ON_DISK = 'name = "shop"\nmain = "src/index.ts"\n';
/** The open document: unsaved, with a binding the file on disk does not have yet. */
const EDITED = [
  'name = "shop"',
  'main = "src/index.ts"',
  "",
  "[[kv_namespaces]]",
  'binding = "CACHE"',
  "",
  "[env.staging]",
  'name = "shop-staging"',
  "",
].join("\n");
const API_TEXT = '{\n  "name": "api",\n  "r2_buckets": [{ "binding": "FILES" }]\n}\n';

/** The workspace on disk: the shop's configuration as last saved, its source, two others. */
const FILES: Record<string, string> = {
  "shop/wrangler.toml": ON_DISK,
  "shop/src/index.ts": "export class Cart {}\nexport default {};\n",
  "auth/wrangler.toml": 'name = "auth"\n',
  "api/wrangler.jsonc": API_TEXT,
};

describe("Add binding over stdio", () => {
  let server: TestServer;
  const request = <T>(method: string, params: object) =>
    server.connection.sendRequest(method, params) as Promise<T>;

  before(async () => {
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(ROOT, path)), { recursive: true });
      writeFileSync(join(ROOT, path), text);
    }
    server = await startServer({}, [{ uri: pathToFileURL(ROOT).href, name: "root" }]);
    server.open(SHOP, EDITED, 3);
  });
  after(() => server.stop());

  test("choices: the open document's environments, kinds and candidates", async () => {
    const choices = await request<AddBindingChoicesResult>(AddBindingChoicesRequest, {
      uri: SHOP,
    });
    assert.deepEqual(choices.environments, [null, "staging"]);
    const kv = choices.kinds.find((kind) => kind.key === "kv_namespaces");
    assert.equal(kv?.suggestedName, "MY_KV");
    const objects = choices.kinds.find((kind) => kind.key === "durable_objects.bindings");
    assert.deepEqual(objects?.fields[0]?.choices, ["Cart"], "classes of the main module");
    const services = choices.kinds.find((kind) => kind.key === "services");
    assert.ok(services?.fields[0]?.choices?.includes("auth"), "the workspace's other Workers");
  });

  test("validation reads the unsaved text", async () => {
    const check = (value: string) =>
      request<ValidateBindingInputResult>(ValidateBindingInputRequest, {
        uri: SHOP,
        environment: null,
        kind: "r2_buckets",
        field: "name",
        value,
      });
    assert.equal(
      await check("CACHE"),
      "CACHE is already bound at the top level; choose another name.",
    );
    assert.equal(await check("FILES"), null);
  });

  test("the edit for an open document carries its version and reveals the new block", async () => {
    const result = await request<AddBindingResult | null>(AddBindingRequest, {
      uri: SHOP,
      environment: "staging",
      kind: "durable_objects.bindings",
      name: "CARTS",
      fields: { class_name: "Cart" },
      addMigration: true,
    });
    assert.ok(result);
    const change = documentEdit(result.edit);
    assert.deepEqual([change.uri, change.version], [SHOP, 3]);
    assert.equal(
      applied(EDITED, result.edit),
      EDITED +
        [
          "",
          "[[env.staging.durable_objects.bindings]]",
          'name = "CARTS"',
          'class_name = "Cart"',
          "",
          "[[migrations]]",
          'tag = "v1"',
          'new_sqlite_classes = ["Cart"]',
          "",
        ].join("\n"),
    );
    assert.deepEqual(result.reveal, {
      start: { line: 9, character: 0 },
      end: { line: 11, character: 19 },
    });
  });

  test("a configuration that is not open is read from disk, with no version", async () => {
    const result = await request<AddBindingResult | null>(AddBindingRequest, {
      uri: API,
      environment: null,
      kind: "r2_buckets",
      name: "LOGS",
      fields: { bucket_name: "api-logs" },
    });
    assert.ok(result);
    assert.equal(documentEdit(result.edit).version, null);
    assert.equal(
      applied(API_TEXT, result.edit),
      '{\n  "name": "api",\n  "r2_buckets": [{ "binding": "FILES" }, { "binding": "LOGS", "bucket_name": "api-logs" }]\n}\n',
    );
  });

  test("remove answers with the edit, or null when there is no such entry", async () => {
    const edit = await request<WorkspaceEdit | null>(RemoveBindingRequest, {
      uri: SHOP,
      environment: null,
      kind: "kv_namespaces",
      index: 0,
    });
    assert.ok(edit);
    assert.equal(documentEdit(edit).version, 3);
    assert.equal(
      applied(EDITED, edit),
      [
        'name = "shop"',
        'main = "src/index.ts"',
        "",
        "[env.staging]",
        'name = "shop-staging"',
        "",
      ].join("\n"),
    );
    const none = await request<WorkspaceEdit | null>(RemoveBindingRequest, {
      uri: SHOP,
      environment: null,
      kind: "kv_namespaces",
      index: 1,
    });
    assert.equal(none, null);
  });

  test("a file that does not exist gets empty answers", async () => {
    const missing = pathToFileURL(join(ROOT, "nowhere/wrangler.toml")).href;
    const choices = await request<AddBindingChoicesResult>(AddBindingChoicesRequest, {
      uri: missing,
    });
    assert.deepEqual(choices, { environments: [], kinds: [] });
    const result = await request<AddBindingResult | null>(AddBindingRequest, {
      uri: missing,
      environment: null,
      kind: "kv_namespaces",
      name: "A",
      fields: {},
    });
    assert.equal(result, null);
    assert.deepEqual(
      server.logs.filter((line) => line.includes("failed")),
      [],
    );
  });
});
