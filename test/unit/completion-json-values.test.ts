import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines } from "../support/check";
import { completionIn, JSON_CONFIG_URI, workspaceOf } from "../support/completion";

const { accept, completionsAt, itemAt, labels } = completionIn(JSON_CONFIG_URI);

describe("JSON completion of values the catalog enumerates", () => {
  test("R2 jurisdiction, quoted, set off from the colon typed right before it", () => {
    const fixture = lines("{", '  "r2_buckets": [{ "binding": "FILES", "jurisdiction":| }]', "}");
    assert.deepEqual(labels(fixture), ["eu", "fedramp", "us"]);
    assert.equal(accept(fixture, "eu"), fixture.replace("|", ' "eu"'));
  });

  test("a typed string, closed or not, is replaced with its quotes", () => {
    const closed = lines("{", '  "queues": { "consumers": [{ "queue": "q", "type": "w|" }] }', "}");
    assert.equal(itemAt(closed, "worker").filterText, '"worker"');
    assert.equal(accept(closed, "worker"), closed.replace('"w|"', '"worker"'));

    const open = lines("{", '  "queues": { "consumers": [{ "queue": "q", "type": "w|', "}");
    assert.equal(accept(open, "worker"), open.replace('"w|', '"worker"'));
  });

  test("a value before another property gets the comma the property needs", () => {
    const fixture = lines(
      "{",
      '  "r2_buckets": [',
      "    {",
      '      "binding": "FILES",',
      '      "jurisdiction": |',
      '      "bucket_name": "files"',
      "    }",
      "  ]",
      "}",
    );
    assert.equal(accept(fixture, "fedramp"), fixture.replace("|", '"fedramp",'));
  });

  test("booleans, for binding fields and settings alike", () => {
    assert.deepEqual(labels(lines("{", '  "kv_namespaces": [{ "remote": | }]', "}")), [
      "true",
      "false",
    ]);
    assert.equal(accept('{ "workers_dev": f| }', "false"), '{ "workers_dev": false }');
  });

  test("nothing for items of an array, or for a setting without known values", () => {
    assert.deepEqual(completionsAt(lines("{", '  "compatibility_flags": ["|"]', "}")).items, []);
    assert.deepEqual(completionsAt(lines("{", '  "main": "|"', "}")).items, []);
  });
});

describe("JSON completion of values that name something", () => {
  const source = [
    "export class Counter extends DurableObject {}",
    "export class ChatRoom extends DurableObject {}",
    "export default { fetch() { return new Response(); } };",
  ].join("\n");
  const files = { "file:///work/app/src/index.ts": source };

  test("a Durable Object class: exported and migrated first", () => {
    const fixture = lines(
      "{",
      '  "main": "src/index.ts",',
      '  "durable_objects": {',
      '    "bindings": [{ "name": "COUNTER", "class_name": "|" }]',
      "  },",
      '  "migrations": [{ "tag": "v1", "new_sqlite_classes": ["Counter", "Retired"] }]',
      "}",
    );
    const workspace = workspaceOf(files);
    assert.deepEqual(labels(fixture, workspace), ["Counter", "ChatRoom", "Retired"]);
    assert.equal(
      itemAt(fixture, "Counter", workspace).detail,
      "exported by src/index.ts and introduced by a migration",
    );
    assert.equal(accept(fixture, "ChatRoom", workspace), fixture.replace('"|"', '"ChatRoom"'));
  });

  test("queue names from the producers and consumers of the file", () => {
    const fixture = lines(
      "{",
      '  "queues": {',
      '    "producers": [{ "binding": "JOBS", "queue": "jobs" }],',
      '    "consumers": [{ "queue": "jobs", "dead_letter_queue": | }]',
      "  }",
      "}",
    );
    assert.deepEqual(labels(fixture), ["jobs"]);
    assert.equal(itemAt(fixture, "jobs").detail, "Queue producer, top level");
    assert.equal(accept(fixture, "jobs"), fixture.replace("|", '"jobs"'));
  });

  test("the id another entry of the same binding name uses", () => {
    const fixture = lines(
      "{",
      '  "kv_namespaces": [',
      '    { "binding": "SESSIONS", "id": "def456" },',
      '    { "binding": "CACHE", "id": "abc123" }',
      "  ],",
      '  "env": {',
      '    "staging": { "kv_namespaces": [{ "binding": "CACHE", "id": "|" }] }',
      "  }",
      "}",
    );
    assert.deepEqual(labels(fixture), ["abc123", "def456"]);
    assert.equal(itemAt(fixture, "abc123").detail, "used by CACHE, top level");
  });

  const configs = [
    { name: "app", uri: JSON_CONFIG_URI },
    { name: "auth", uri: "file:///work/auth/wrangler.jsonc" },
    { name: "billing", uri: "file:///work/billing/wrangler.toml" },
  ];

  test("service names from the other Worker configurations of the workspace", () => {
    const fixture = lines("{", '  "services": [{ "binding": "AUTH", "service": "|" }]', "}");
    const workspace = workspaceOf({}, configs);
    assert.deepEqual(labels(fixture, workspace), ["auth", "billing"]);
    assert.equal(
      itemAt(fixture, "auth", workspace).detail,
      "Worker configured in ../auth/wrangler.jsonc",
    );
    assert.equal(accept(fixture, "auth", workspace), fixture.replace('"|"', '"auth"'));
  });

  test("environment names of the Worker the entry points at, read from its JSON", () => {
    const authConfig = lines(
      "{",
      '  "name": "auth", // comments and trailing commas, as Wrangler reads them',
      '  "env": { "staging": {}, "production": {}, },',
      "}",
    );
    const fixture = lines(
      "{",
      '  "services": [{ "binding": "AUTH", "service": "auth", "environment": | }]',
      "}",
    );
    const workspace = workspaceOf({ "file:///work/auth/wrangler.jsonc": authConfig }, configs);
    assert.deepEqual(labels(fixture, workspace), ["staging", "production"]);
    assert.equal(accept(fixture, "production", workspace), fixture.replace("|", '"production"'));
  });
});

describe("JSON completion of the classes a migration step lists", () => {
  const config = (step: string) =>
    lines(
      "{",
      '  "durable_objects": { "bindings": [{ "name": "ROOMS", "class_name": "ChatRoom" }] },',
      '  "migrations": [',
      '    { "tag": "v1", "new_sqlite_classes": ["Counter"] },',
      `    { "tag": "v2", ${step} }`,
      "  ]",
      "}",
    );

  test("the bound class no migration introduces, and not the items already there", () => {
    assert.deepEqual(labels(config('"new_sqlite_classes": [|]')), ["ChatRoom"]);
    assert.deepEqual(labels(config('"new_sqlite_classes": ["ChatRoom", |]')), []);
    const typed = config('"new_sqlite_classes": ["Ch|"]');
    assert.equal(accept(typed, "ChatRoom"), typed.replace('"Ch|"', '"ChatRoom"'));
  });

  test("deleting: the classes the migrations introduced", () => {
    assert.deepEqual(labels(config('"deleted_classes": ["|"]')), ["Counter"]);
    assert.deepEqual(labels(config('"deleted_classes": ["Counter", |]')), []);
  });
});
