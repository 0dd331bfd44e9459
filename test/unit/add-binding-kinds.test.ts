import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { parseConfig } from "../../server/src/service";
import { addBindingEdit } from "../../server/src/service/add-binding";
import { add, documentEdit, TOML_URI } from "../support/add-binding";
import { lines, report } from "../support/check";

const ROOMS = { kind: "durable_objects.bindings", name: "ROOMS", addMigration: true };

describe("Add binding: a Durable Object with its migration, in one edit", () => {
  test("without any step yet, a first one goes right below the new block", () => {
    const text = lines('name = "chat"', "", "[vars]", 'MODE = "live"');
    const added = add(text, { ...ROOMS, fields: { class_name: "ChatRoom" } });
    assert.equal(
      added?.text,
      lines(
        'name = "chat"',
        "",
        "[vars]",
        'MODE = "live"',
        "",
        "[[durable_objects.bindings]]",
        'name = "ROOMS"',
        'class_name = "ChatRoom"',
        "",
        "[[migrations]]",
        'tag = "v1"',
        'new_sqlite_classes = ["ChatRoom"]',
      ),
    );
    assert.equal(
      added.revealed,
      ["[[durable_objects.bindings]]", 'name = "ROOMS"', 'class_name = "ChatRoom"'].join("\n"),
    );
    assert.deepEqual(report(added.text), []);
  });

  test("with steps, the next tag goes after the last step", () => {
    const text = lines(
      "[[durable_objects.bindings]]",
      'name = "USERS"',
      'class_name = "User"',
      "",
      "[[migrations]]",
      'tag = "v1"',
      'new_classes = ["User"]',
    );
    const added = add(text, { ...ROOMS, fields: { class_name: "ChatRoom" } });
    assert.equal(
      added?.text,
      lines(
        "[[durable_objects.bindings]]",
        'name = "USERS"',
        'class_name = "User"',
        "",
        "[[durable_objects.bindings]]",
        'name = "ROOMS"',
        'class_name = "ChatRoom"',
        "",
        "[[migrations]]",
        'tag = "v1"',
        'new_classes = ["User"]',
        "",
        "[[migrations]]",
        'tag = "v2"',
        'new_sqlite_classes = ["ChatRoom"]',
      ),
    );
    assert.deepEqual(report(added.text), []);
  });

  test("an inline list gets its item and the step goes after the list's section", () => {
    const text = lines('durable_objects.bindings = [{ name = "A", class_name = "A" }]', "[vars]");
    const added = add(text, { ...ROOMS, fields: { class_name: "ChatRoom" } });
    assert.equal(
      added?.text,
      lines(
        'durable_objects.bindings = [{ name = "A", class_name = "A" }, { name = "ROOMS", class_name = "ChatRoom" }]',
        "",
        "[[migrations]]",
        'tag = "v1"',
        'new_sqlite_classes = ["ChatRoom"]',
        "",
        "[vars]",
      ),
    );
  });

  test("no step for a class of another Worker, when not asked, or with [exports]", () => {
    const block = ["[[durable_objects.bindings]]", 'name = "ROOMS"', 'class_name = "ChatRoom"'];
    const other = add("", { ...ROOMS, fields: { class_name: "ChatRoom", script_name: "chat" } });
    assert.equal(other?.text, lines(...block, 'script_name = "chat"'));
    const unasked = add("", { ...ROOMS, addMigration: false, fields: { class_name: "ChatRoom" } });
    assert.equal(unasked?.text, lines(...block));
    const exported = lines("[exports]", 'ChatRoom = { type = "durable-object" }');
    const declared = add(exported, { ...ROOMS, fields: { class_name: "ChatRoom" } });
    assert.equal(declared?.text, lines(...exported.trimEnd().split("\n"), "", ...block));
  });
});

describe("Add binding: variables, secrets and single-table kinds", () => {
  test("a variable joins [vars], or a new [env.NAME.vars]", () => {
    const text = lines("[vars]", 'MODE = "live"', "", "[env.staging]", 'name = "s"');
    const request = { kind: "vars", name: "REGION", fields: { value: "eu" } };
    const top = add(text, request);
    assert.equal(
      top?.text,
      lines("[vars]", 'MODE = "live"', 'REGION = "eu"', "", "[env.staging]", 'name = "s"'),
    );
    assert.equal(top.revealed, 'REGION = "eu"');
    assert.equal(
      add(text, { ...request, environment: "staging" })?.text,
      lines(
        "[vars]",
        'MODE = "live"',
        "",
        "[env.staging]",
        'name = "s"',
        "",
        "[env.staging.vars]",
        'REGION = "eu"',
      ),
    );
  });

  test("a literal-string file gets literal strings, unless the value holds a quote", () => {
    const text = lines("[vars]", "MODE = 'live'");
    const request = (value: string) => ({ kind: "vars", name: "NOTE", fields: { value } });
    assert.equal(add(text, request("eu"))?.text, lines("[vars]", "MODE = 'live'", "NOTE = 'eu'"));
    assert.equal(
      add(text, request("it's"))?.text,
      lines("[vars]", "MODE = 'live'", 'NOTE = "it\'s"'),
    );
  });

  test("a secret's name joins the required list, or a new [secrets]", () => {
    const listed = add(lines("[secrets]", 'required = ["API_KEY"]'), {
      kind: "secrets",
      name: "TOKEN",
    });
    assert.equal(listed?.text, lines("[secrets]", 'required = ["API_KEY", "TOKEN"]'));
    assert.equal(listed.revealed, '"TOKEN"');
    assert.equal(
      add(lines('name = "x"'), { kind: "secrets", name: "TOKEN" })?.text,
      lines('name = "x"', "", "[secrets]", 'required = ["TOKEN"]'),
    );
  });

  test("a single-table kind once; fields not asked for are derived or taken from the catalog", () => {
    assert.equal(
      add(lines('name = "x"'), { kind: "ai", name: "AI" })?.text,
      lines('name = "x"', "", "[ai]", 'binding = "AI"'),
    );
    assert.equal(add(lines("[ai]", 'binding = "AI"'), { kind: "ai", name: "AI_2" }), null);
    assert.equal(
      add("", { kind: "workflows", name: "ONBOARDING", fields: { class_name: "Onboarding" } })
        ?.text,
      lines(
        "[[workflows]]",
        'binding = "ONBOARDING"',
        'name = "onboarding"',
        'class_name = "Onboarding"',
      ),
    );
    assert.equal(
      add("", { kind: "ratelimits", name: "LIMITER", fields: { namespace_id: "1001" } })?.text,
      lines(
        "[[ratelimits]]",
        'name = "LIMITER"',
        'namespace_id = "1001"',
        "simple = { limit = 100, period = 60 }",
      ),
    );
  });
});

describe("Add binding: requests it refuses", () => {
  const text = lines("[[kv_namespaces]]", 'binding = "CACHE"', "[env.staging]");

  test("a name that is taken, invalid, or missing; an unknown environment or kind", () => {
    assert.equal(add(text, { kind: "r2_buckets", name: "CACHE" }), null);
    assert.equal(add(text, { kind: "r2_buckets", name: "my-files" }), null);
    assert.equal(add(text, { kind: "r2_buckets", name: "" }), null);
    assert.equal(add(text, { kind: "r2_buckets", name: "FILES", environment: "prod" }), null);
    assert.equal(add(text, { kind: "kv_namespace", name: "FILES" }), null);
    // The same name is free in another environment.
    assert.ok(add(text, { kind: "r2_buckets", name: "CACHE", environment: "staging" }));
  });

  test("a required field left out, or a value the rules refuse", () => {
    assert.equal(add(text, { kind: "services", name: "API" }), null);
    assert.equal(add(text, { kind: "kv_namespaces", name: "B", fields: { id: "abc" } }), null);
    assert.equal(add(text, { kind: "kv_namespaces", name: "B", fields: { colour: "x" } }), null);
  });

  test("the edit carries the document's version, or null for a file read from disk", () => {
    const parsed = parseConfig(text);
    const params = { uri: TOML_URI, environment: null, kind: "r2_buckets", name: "F", fields: {} };
    const edit = (version: number | null) => {
      const result = addBindingEdit(parsed, params, version);
      assert.ok(result);
      const { uri, version: carried } = documentEdit(result.edit);
      return { uri, version: carried };
    };
    assert.deepEqual(edit(4), { uri: TOML_URI, version: 4 });
    assert.deepEqual(edit(null), { uri: TOML_URI, version: null });
  });
});
