import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { add, JSON_URI } from "../support/add-binding";

/** A wrangler.jsonc fixture from its lines, joined with `eol`. */
function jsonc(eol: string, ...text: string[]): string {
  return text.join(eol) + eol;
}

const FIXTURE = [
  "{",
  '\t"name": "shop",',
  "\t// Caches",
  '\t"kv_namespaces": [',
  "\t\t{",
  '\t\t\t"binding": "CACHE"',
  "\t\t}",
  "\t],",
  '\t"env": {',
  '\t\t"staging": {',
  '\t\t\t"name": "shop-staging" // no bindings yet',
  "\t\t}",
  "\t}",
  "}",
];

describe("Add binding: wrangler.json(c)", () => {
  test("one more object in the kind's array, written like its neighbours", () => {
    const added = add(
      jsonc("\n", ...FIXTURE),
      { kind: "kv_namespaces", name: "SESSIONS" },
      JSON_URI,
    );
    assert.equal(
      added?.text,
      jsonc(
        "\n",
        ...FIXTURE.slice(0, 6),
        "\t\t},",
        "\t\t{",
        '\t\t\t"binding": "SESSIONS"',
        "\t\t}",
        ...FIXTURE.slice(7),
      ),
    );
    assert.equal(added.revealed, '{\n\t\t\t"binding": "SESSIONS"\n\t\t}');
  });

  test("a kind the environment lacks becomes a property after its last one", () => {
    const added = add(
      jsonc("\r\n", ...FIXTURE),
      { kind: "services", name: "AUTH", fields: { service: "auth" }, environment: "staging" },
      JSON_URI,
    );
    assert.equal(
      added?.text,
      jsonc(
        "\r\n",
        ...FIXTURE.slice(0, 10),
        '\t\t\t"name": "shop-staging", // no bindings yet',
        '\t\t\t"services": [',
        "\t\t\t\t{",
        '\t\t\t\t\t"binding": "AUTH",',
        '\t\t\t\t\t"service": "auth"',
        "\t\t\t\t}",
        "\t\t\t]",
        ...FIXTURE.slice(11),
      ),
    );
  });

  test("a Durable Object, its container and its first migration step at the top level", () => {
    const text = jsonc("\n", "{", '  "name": "chat",', "", '  "main": "src/index.ts"', "}");
    const added = add(
      text,
      {
        kind: "durable_objects.bindings",
        name: "ROOMS",
        fields: { class_name: "ChatRoom" },
        addMigration: true,
      },
      JSON_URI,
    );
    assert.equal(
      added?.text,
      jsonc(
        "\n",
        "{",
        '  "name": "chat",',
        "",
        '  "main": "src/index.ts",',
        "",
        '  "durable_objects": {',
        '    "bindings": [',
        "      {",
        '        "name": "ROOMS",',
        '        "class_name": "ChatRoom"',
        "      }",
        "    ]",
        "  },",
        "",
        '  "migrations": [',
        "    {",
        '      "tag": "v1",',
        '      "new_sqlite_classes": ["ChatRoom"]',
        "    }",
        "  ]",
        "}",
      ),
    );
  });

  test("a one-line array stays on one line; an existing steps array gets the next tag", () => {
    const text = jsonc(
      "\n",
      "{",
      '  "durable_objects": { "bindings": [{ "name": "A", "class_name": "A" }] },',
      '  "migrations": [{ "tag": "v1", "new_classes": ["A"] }],',
      "}",
    );
    const added = add(
      text,
      {
        kind: "durable_objects.bindings",
        name: "B",
        fields: { class_name: "B" },
        addMigration: true,
      },
      JSON_URI,
    );
    assert.equal(
      added?.text,
      jsonc(
        "\n",
        "{",
        '  "durable_objects": { "bindings": [{ "name": "A", "class_name": "A" }, { "name": "B", "class_name": "B" }] },',
        '  "migrations": [{ "tag": "v1", "new_classes": ["A"] }, { "tag": "v2", "new_sqlite_classes": ["B"] }],',
        "}",
      ),
    );
  });

  test("variables and secrets; an empty object", () => {
    assert.equal(
      add("{}", { kind: "vars", name: "MODE", fields: { value: "live" } }, JSON_URI)?.text,
      '{\n\t"vars": {\n\t\t"MODE": "live"\n\t}\n}',
    );
    const secrets = '{ "secrets": { "required": ["A"] } }';
    assert.equal(
      add(secrets, { kind: "secrets", name: "B" }, JSON_URI)?.text,
      '{ "secrets": { "required": ["A", "B"] } }',
    );
  });
});
