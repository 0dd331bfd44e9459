import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { lines } from "../support/check";
import {
  accept,
  CONFIG_URI,
  completionsAt,
  itemAt,
  labels,
  ranked,
  workspaceOf,
} from "../support/completion";

describe("completion of values the catalog enumerates", () => {
  test("R2 jurisdiction, quoted when no quote was typed", () => {
    const fixture = lines("[[r2_buckets]]", 'binding = "FILES"', "jurisdiction = |");
    assert.deepEqual(labels(fixture), ["eu", "fedramp", "us"]);
    assert.equal(accept(fixture, "eu"), fixture.replace("|", '"eu"'));
  });

  test("a typed quote, and the quote the editor closed, are replaced", () => {
    const fixture = lines("[[r2_buckets]]", 'binding = "FILES"', 'jurisdiction = "f|"');
    assert.equal(itemAt(fixture, "fedramp").filterText, '"fedramp"');
    assert.equal(accept(fixture, "fedramp"), fixture.replace('"f|"', '"fedramp"'));
  });

  test("a consumer's type", () => {
    const fixture = lines("[[queues.consumers]]", 'queue = "jobs"', "type = |");
    assert.equal(accept(fixture, "worker"), fixture.replace("|", '"worker"'));
  });

  test("a rate limit's period is a number, in an inline table", () => {
    const fixture = lines(
      "[[ratelimits]]",
      'name = "LIMITER"',
      'namespace_id = "1001"',
      "simple = { limit = 100, period = | }",
    );
    assert.deepEqual(labels(fixture), ["10", "60"]);
    assert.equal(accept(fixture, "60"), fixture.replace("|", "60"));
  });

  test("booleans, for binding fields and settings alike", () => {
    assert.deepEqual(labels(lines("[[kv_namespaces]]", 'binding = "A"', "remote = |")), [
      "true",
      "false",
    ]);
    assert.equal(accept("workers_dev = f|", "false"), "workers_dev = false");
  });

  test("`id = ` at the end of the file: nothing known, an empty list", () => {
    const list = completionsAt(lines("[[kv_namespaces]]", 'binding = "CACHE"') + "id = |");
    assert.deepEqual(list, { isIncomplete: false, items: [] });
  });

  test("`id = ` at the end of the file: the id another entry of the same name uses", () => {
    const fixture =
      lines(
        "[[kv_namespaces]]",
        'binding = "SESSIONS"',
        'id = "def456"',
        "",
        "[[kv_namespaces]]",
        'binding = "CACHE"',
        'id = "abc123"',
        "",
        "[[env.staging.kv_namespaces]]",
        'binding = "CACHE"',
      ) + "id = |";
    assert.deepEqual(labels(fixture), ["abc123", "def456"]);
    assert.equal(itemAt(fixture, "abc123").detail, "used by CACHE, top level");
    assert.equal(accept(fixture, "abc123"), fixture.replace("|", '"abc123"'));
  });
});

describe("completion of values that name something", () => {
  const source = [
    'import { DurableObject } from "cloudflare:workers";',
    "export class Counter extends DurableObject {}",
    "export class ChatRoom extends DurableObject {}",
    "class Internal {}",
    "export default { fetch() { return new Response(); } };",
  ].join("\n");
  const files = { "file:///work/app/src/index.ts": source };

  const objects = lines(
    'name = "app"',
    'main = "src/index.ts"',
    "",
    "[[durable_objects.bindings]]",
    'name = "COUNTER"',
    "class_name = |",
    "",
    "[[migrations]]",
    'tag = "v1"',
    'new_sqlite_classes = ["Counter", "Retired"]',
  );

  test("a Durable Object class: exported and migrated first, then exported, then migrated", () => {
    const workspace = workspaceOf(files);
    assert.deepEqual(labels(objects, workspace), ["Counter", "ChatRoom", "Retired"]);
    assert.equal(
      itemAt(objects, "Counter", workspace).detail,
      "exported by src/index.ts and introduced by a migration",
    );
    assert.equal(accept(objects, "ChatRoom", workspace), objects.replace("|", '"ChatRoom"'));
  });

  test("without the source, the migrated classes alone", () => {
    assert.deepEqual(labels(objects), ["Counter", "Retired"]);
  });

  test("a Workflow class, from an environment's own main module", () => {
    const fixture = lines(
      'main = "src/index.ts"',
      "[env.jobs]",
      'main = "src/jobs.ts"',
      "[[env.jobs.workflows]]",
      'binding = "FLOW"',
      'name = "flow"',
      'class_name = "|"',
    );
    const workspace = workspaceOf({
      ...files,
      "file:///work/app/src/jobs.ts": "export class Onboarding extends WorkflowEntrypoint {}",
    });
    assert.deepEqual(labels(fixture, workspace), ["Onboarding"]);
    assert.equal(accept(fixture, "Onboarding", workspace), fixture.replace('"|"', '"Onboarding"'));
  });

  const queues = lines(
    "[[queues.producers]]",
    'binding = "JOBS"',
    'queue = "jobs"',
    "",
    "[[queues.consumers]]",
    'queue = "jobs"',
    "dead_letter_queue = |",
    "",
    "[[env.staging.queues.producers]]",
    'binding = "JOBS"',
    'queue = "jobs-staging"',
  );

  test("queue names from the producers and consumers of the file, each once", () => {
    assert.deepEqual(labels(queues), ["jobs", "jobs-staging"]);
    assert.equal(itemAt(queues, "jobs").detail, "Queue producer, top level");
    assert.equal(accept(queues, "jobs-staging"), queues.replace("|", '"jobs-staging"'));
  });

  const configs = [
    { name: "app", uri: CONFIG_URI },
    { name: "auth", uri: "file:///work/auth/wrangler.toml" },
    { name: "billing", uri: "file:///work/billing/wrangler.toml" },
  ];
  const authConfig = lines('name = "auth"', "[env.staging]", "[env.production]");

  test("service names from the other Worker configurations of the workspace", () => {
    const fixture = lines("[[services]]", 'binding = "AUTH"', "service = |");
    const workspace = workspaceOf({}, configs);
    assert.deepEqual(labels(fixture, workspace), ["auth", "billing"]);
    assert.equal(
      itemAt(fixture, "auth", workspace).detail,
      "Worker configured in ../auth/wrangler.toml",
    );
    assert.equal(accept(fixture, "auth", workspace), fixture.replace("|", '"auth"'));
  });

  test("a Durable Object's script_name names a Worker too", () => {
    const fixture = lines(
      "[[durable_objects.bindings]]",
      'name = "X"',
      'class_name = "X"',
      'script_name = "b|"',
    );
    const workspace = workspaceOf({}, configs);
    assert.equal(accept(fixture, "billing", workspace), fixture.replace('"b|"', '"billing"'));
  });

  test("environment names of the Worker the entry points at", () => {
    const fixture = lines(
      "[[services]]",
      'binding = "AUTH"',
      'service = "auth"',
      "environment = |",
    );
    const workspace = workspaceOf({ "file:///work/auth/wrangler.toml": authConfig }, configs);
    assert.deepEqual(labels(fixture, workspace), ["staging", "production"]);
    assert.equal(accept(fixture, "production", workspace), fixture.replace("|", '"production"'));
    assert.deepEqual(
      labels(fixture.replace('service = "auth"', 'service = "gone"'), workspace),
      [],
    );
  });

  test("environment names of a Worker configured in JSON, read as JSON", () => {
    const fixture = lines(
      "[[services]]",
      'binding = "AUTH"',
      'service = "auth"',
      "environment = |",
    );
    const auth = "file:///work/auth/wrangler.jsonc";
    const text = '{ "name": "auth", "env": { "staging": {}, }, } // trailing commas, as Wrangler';
    const workspace = workspaceOf({ [auth]: text }, [{ name: "auth", uri: auth }]);
    assert.deepEqual(labels(fixture, workspace), ["staging"]);
  });

  test("no label twice, whatever the position", () => {
    const workspace = workspaceOf(
      { ...files, "file:///work/auth/wrangler.toml": authConfig },
      configs,
    );
    for (const fixture of [objects, queues, lines("[[services]]", "service = |")]) {
      const found = ranked(fixture, workspace).map((item) => item.label);
      assert.ok(found.length > 0, fixture);
      assert.equal(new Set(found).size, found.length, fixture);
    }
  });
});

describe("completion of the classes a migration step lists", () => {
  const source = [
    "export class Counter extends DurableObject {}",
    "export class ChatRoom extends DurableObject {}",
    "export class Lobby extends DurableObject {}",
  ].join("\n");
  const workspace = workspaceOf({ "file:///work/app/src/index.ts": source });
  const config = (...step: string[]) =>
    lines(
      'main = "src/index.ts"',
      "",
      "[[durable_objects.bindings]]",
      'name = "ROOMS"',
      'class_name = "ChatRoom"',
      "",
      "[[durable_objects.bindings]]",
      'name = "REMOTE"',
      'class_name = "Elsewhere"',
      'script_name = "other-worker"',
      "",
      "[[migrations]]",
      'tag = "v1"',
      'new_sqlite_classes = ["Counter"]',
      "",
      "[[migrations]]",
      'tag = "v2"',
      ...step,
    );

  test("a new step: the bound class first, then exported ones, none introduced already", () => {
    const fixture = config('new_sqlite_classes = ["|"]');
    assert.deepEqual(labels(fixture, workspace), ["ChatRoom", "Lobby"]);
    assert.equal(
      itemAt(fixture, "ChatRoom", workspace).detail,
      "bound as env.ROOMS, not introduced by a migration yet",
    );
    assert.equal(accept(fixture, "ChatRoom", workspace), fixture.replace('"|"', '"ChatRoom"'));
  });

  test("items already in the array are not offered again, wherever the caret is", () => {
    const fixture = config('new_classes = ["Lobby", |]');
    assert.deepEqual(labels(fixture, workspace), ["ChatRoom"]);
    const before = config('new_classes = [|, "ChatRoom"]');
    assert.deepEqual(labels(before, workspace), ["Lobby"]);
  });

  test("a typed item is replaced, quotes and all", () => {
    const fixture = config('new_classes = ["Lo|"]');
    assert.equal(accept(fixture, "Lobby", workspace), fixture.replace('"Lo|"', '"Lobby"'));
  });

  test("deleting: the classes the migrations introduced", () => {
    assert.deepEqual(labels(config('deleted_classes = ["|"]'), workspace), ["Counter"]);
    assert.deepEqual(labels(config('deleted_classes = ["Counter", |]'), workspace), []);
  });

  test("choosing the key leaves the caret in the array, where the classes are offered", () => {
    const item = itemAt(config("new_sql|"), "new_sqlite_classes", workspace);
    assert.deepEqual(item.command?.command, "editor.action.triggerSuggest");
  });

  test("other arrays of strings offer nothing", () => {
    assert.deepEqual(labels('compatibility_flags = ["|"]'), []);
  });
});
