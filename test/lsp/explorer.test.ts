/**
 * The Bindings explorer's request through the built server over stdio: every Worker of a
 * monorepo, from disk or from the editor's unsaved text, and the notification that tells the
 * client to ask again. What each node holds is tested in test/unit/explorer-*.test.ts.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import {
  WorkersChangedNotification,
  WorkersRequest,
  type WorkerNode,
} from "../../server/src/protocol";
import { startServer, type TestServer } from "../support/lsp-client";

const ROOT = mkdtempSync(join(tmpdir(), "wb-explorer-"));
const ROOT_URI = pathToFileURL(ROOT).href;
const API_URI = pathToFileURL(join(ROOT, "api/wrangler.toml")).href;

const API = [
  'name = "api"',
  "",
  "[[kv_namespaces]]",
  'binding = "CACHE"',
  'id = "0123456789abcdef0123456789abcdef"',
  "",
  "[vars]",
  'MODE = "production"',
  "",
  "[env.staging]",
  'vars = { MODE = "staging" }',
  "",
  "[[env.staging.kv_namespaces]]",
  'binding = "CACHE"',
  'id = "fedcba9876543210fedcba9876543210"',
  "",
].join("\n");

const STAGING_UPLOADS = ["[[env.staging.r2_buckets]]", 'binding = "UPLOADS"', ""].join("\n");

const AUTH = [
  "{",
  "  // Sessions live in D1.",
  '  "name": "auth",',
  '  "d1_databases": [{ "binding": "DB", "database_name": "sessions", "database_id": "x" }],',
  '  "services": [{ "binding": "API", "service": "api" }]',
  "}",
  "",
].join("\n");

function write(path: string, text: string): void {
  mkdirSync(join(ROOT, path, ".."), { recursive: true });
  writeFileSync(join(ROOT, path), text);
}

/**
 * The tree in short: each Worker by name and file, each environment by name (`.` for the top
 * level) with its level, each kind with its bindings as `label (description)`.
 */
function outline(workers: readonly WorkerNode[]) {
  return workers.map((worker) => ({
    worker: `${worker.name ?? "(unnamed)"} ${worker.uri.slice(ROOT_URI.length + 1)}`,
    ...(worker.level && { level: worker.level }),
    environments: worker.environments.map((environment) => ({
      name: environment.name ?? ".",
      ...(environment.level && { level: environment.level }),
      kinds: Object.fromEntries(
        environment.kinds.map((kind) => [
          kind.key,
          kind.bindings.map((binding) =>
            binding.description === undefined
              ? binding.label
              : `${binding.label} (${binding.description})`,
          ),
        ]),
      ),
    })),
  }));
}

const API_TREE = {
  worker: "api api/wrangler.toml",
  environments: [
    {
      name: ".",
      kinds: {
        kv_namespaces: ["CACHE (0123456789abcdef0123456789abcdef)"],
        vars: ["MODE (production)"],
      },
    },
    {
      name: "staging",
      kinds: {
        kv_namespaces: ["CACHE (fedcba9876543210fedcba9876543210)"],
        vars: ["MODE (staging)"],
      },
    },
  ],
};

const AUTH_TREE = {
  worker: "auth auth/wrangler.jsonc",
  environments: [
    { name: ".", kinds: { services: ["API (api)"], d1_databases: ["DB (sessions)"] } },
  ],
};

// The header is never closed: the file is known only by what the parser could read.
const BROKEN_TREE = {
  worker: "broken broken/wrangler.toml",
  level: "error",
  environments: [{ name: ".", level: "error", kinds: {} }],
};

// A Worker without a name yet is listed too, after the named ones.
const UNNAMED_TREE = {
  worker: "(unnamed) web/wrangler.toml",
  environments: [{ name: ".", kinds: { vars: ["SITE (docs)"] } }],
};

describe("the Bindings explorer over stdio", () => {
  let server: TestServer;
  const workers = async () =>
    outline(await server.connection.sendRequest<WorkerNode[]>(WorkersRequest, {}));
  const changed = () => server.nextNotification(WorkersChangedNotification);

  before(async () => {
    write("api/wrangler.toml", API);
    write("auth/wrangler.jsonc", AUTH);
    write("broken/wrangler.toml", 'name = "broken"\n[[kv_namespaces]\nbinding = \n');
    write("web/wrangler.toml", '[vars]\nSITE = "docs"\n');
    write("node_modules/dependency/wrangler.toml", 'name = "dependency"\n');
    server = await startServer({}, [{ uri: ROOT_URI, name: "monorepo" }]);
  });
  after(() => server.stop());

  test("lists every Worker of the workspace by name, each with its environments", async () => {
    assert.deepEqual(await workers(), [API_TREE, AUTH_TREE, BROKEN_TREE, UNNAMED_TREE]);
  });

  test("opening a configuration announces a change, and the tree is the same", async () => {
    const opened = changed();
    server.open(API_URI, API);
    await opened;
    assert.deepEqual(await workers(), [API_TREE, AUTH_TREE, BROKEN_TREE, UNNAMED_TREE]);
  });

  test("a burst of unsaved edits is announced once, and the tree shows the last", async () => {
    const before = server.notificationCount(WorkersChangedNotification);
    const edited = changed();
    server.change(API_URI, API.replace('"production"', '"prod"'), 2);
    server.change(API_URI, API + "[[env.staging.r2_buckets]]\n", 3);
    server.change(API_URI, API + STAGING_UPLOADS, 4);
    await edited;

    const [api, ...others] = await workers();
    assert.deepEqual(others, [AUTH_TREE, BROKEN_TREE, UNNAMED_TREE]);
    assert.deepEqual(api, {
      ...API_TREE,
      // An R2 binding without a bucket name is fine: Wrangler creates the bucket on deploy.
      environments: [
        API_TREE.environments[0],
        {
          name: "staging",
          kinds: { ...API_TREE.environments[1]!.kinds, r2_buckets: ["UPLOADS"] },
        },
      ],
    });
    assert.equal(readFileSync(join(ROOT, "api/wrangler.toml"), "utf8"), API, "nothing is saved");

    // Notifications arrive in order: once the next one is in, the burst's have all arrived.
    const next = changed();
    await server.connection.sendNotification("workspace/didChangeWatchedFiles", { changes: [] });
    await next;
    assert.equal(server.notificationCount(WorkersChangedNotification), before + 2);
  });

  test("a configuration created on disk appears once the client reports it", async () => {
    write(
      "billing/wrangler.toml",
      'name = "billing"\n\n[[queues.producers]]\nbinding = "INVOICES"\nqueue = "invoices"\n',
    );
    const announced = changed();
    await server.connection.sendNotification("workspace/didChangeWatchedFiles", {
      changes: [{ uri: pathToFileURL(join(ROOT, "billing/wrangler.toml")).href, type: 1 }],
    });
    await announced;

    const names = (await workers()).map((shown) => shown.worker);
    assert.deepEqual(names, [
      "api api/wrangler.toml",
      "auth auth/wrangler.jsonc",
      "billing billing/wrangler.toml",
      "broken broken/wrangler.toml",
      "(unnamed) web/wrangler.toml",
    ]);
  });

  test("closing an edited configuration goes back to the disk's text", async () => {
    const closed = changed();
    await server.connection.sendNotification("textDocument/didClose", {
      textDocument: { uri: API_URI },
    });
    await closed;
    const [api] = await workers();
    assert.deepEqual(api, API_TREE);
  });
});
