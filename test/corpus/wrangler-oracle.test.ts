/**
 * Tests of the Wrangler oracle itself, on tiny files: the corpus comparison is only as good as
 * the way it reads Wrangler's answers.
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";

import { wranglerEnvironments, wranglerVerdict } from "../support/wrangler-oracle";

const fixtures = mkdtempSync(path.join(os.tmpdir(), "wrangler-oracle-test-"));
after(() => rmSync(fixtures, { recursive: true, force: true }));

function fixture(name: string, lines: string[]): string {
  const file = path.join(fixtures, name);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

const header = ['name = "demo"', 'main = "src/index.ts"', 'compatibility_date = "2025-01-01"'];

describe("wranglerVerdict", () => {
  test("a valid file gives neither errors nor warnings", () => {
    const file = fixture("valid.toml", [...header, "[[kv_namespaces]]", 'binding = "CACHE"']);
    assert.deepEqual(wranglerVerdict(file), { errors: [], warnings: [] });
  });

  test("a binding name that is not a string is an error", () => {
    const file = fixture("kv.toml", [...header, "[[kv_namespaces]]", "binding = 1"]);
    assert.deepEqual(wranglerVerdict(file), {
      errors: [
        '"kv_namespaces[0]" bindings should have a string "binding" field but got {"binding":1}.',
      ],
      warnings: [],
    });
  });

  test("an unknown top-level key is a warning", () => {
    const file = fixture("unknown.toml", [...header, "colour = 1"]);
    assert.deepEqual(wranglerVerdict(file), {
      errors: [],
      warnings: ['Unexpected fields found in top-level field: "colour"'],
    });
  });

  test("an error in an environment shows only when that environment is checked", () => {
    const file = fixture("env.toml", [...header, "[[env.staging.kv_namespaces]]", "binding = 2"]);
    const message =
      '"env.staging.kv_namespaces[0]" bindings should have a string "binding" field but got {"binding":2}.';

    assert.deepEqual(wranglerVerdict(file).errors, []);
    assert.deepEqual(wranglerVerdict(file, "staging").errors, [message]);
  });

  test("a TOML syntax error gives its position and no verdict", () => {
    const file = fixture("broken.toml", [...header, "[vars", 'A = "1"']);
    assert.deepEqual(wranglerVerdict(file), {
      errors: [],
      warnings: [],
      syntaxError: {
        message: "Invalid TOML document: illegal character in key",
        line: 4,
        column: 5,
      },
    });
  });

  test("a JSONC file is read as JSON with comments", () => {
    const file = fixture("wrangler.jsonc", [
      "// comments are allowed",
      '{ "name": "demo", "kv_namespaces": [{ "binding": "CACHE", "colour": 1 }] }',
    ]);
    assert.deepEqual(wranglerVerdict(file), {
      errors: [],
      warnings: ['Unexpected fields found in kv_namespaces[0] field: "colour"'],
    });
  });

  test("a .toml.example file is checked as TOML, not read as empty", () => {
    const file = fixture("wrangler.toml.example", [...header, "[[kv_namespaces]]", "binding = 1"]);
    assert.equal(wranglerVerdict(file).errors.length, 1);
  });

  test("a message under a binding section is prefixed with the binding's path", () => {
    const file = fixture("do.toml", [...header, "[[durable_objects.bindings]]", 'name = "ROOM"']);
    assert.deepEqual(wranglerVerdict(file).errors, [
      '"durable_objects.bindings[0]": binding should have a string "class_name" field.',
    ]);
  });

  test("a message ending in a list of names stays one message", () => {
    // Wrangler lists the names as "- NAME" lines, which look like nested bullets.
    const file = fixture("missing.toml", [
      ...header,
      "[[durable_objects.bindings]]",
      'name = "ROOM"',
      'class_name = "Room"',
      "[[migrations]]",
      'tag = "v1"',
      'new_sqlite_classes = ["Room"]',
      "[env.staging]",
      "durable_objects = { bindings = [] }",
    ]);
    assert.deepEqual(wranglerVerdict(file, "staging").warnings, [
      [
        'The following bindings are at the top level, but not on "env.staging".',
        'This is not what you probably want, since "durable_objects" configuration is not inherited by environments.',
        'Please add a binding for each to "env.staging.durable_objects.bindings":',
        "- ROOM",
      ].join("\n"),
    ]);
  });

  test("nothing is printed and the environment is put back", () => {
    const file = fixture("noisy.toml", [
      ...header,
      "colour = 1",
      "[[kv_namespaces]]",
      "binding = 1",
    ]);
    const home = process.env.HOME;
    const printed: unknown[] = [];
    const { warn, log, error } = console;
    console.warn = console.log = console.error = (...args: unknown[]) => printed.push(args);
    try {
      wranglerVerdict(file);
    } finally {
      Object.assign(console, { warn, log, error });
    }
    assert.deepEqual(printed, []);
    assert.equal(process.env.HOME, home);
  });
});

describe("wranglerEnvironments", () => {
  test("lists the names under [env.*]", () => {
    const file = fixture("envs.toml", [
      ...header,
      "[env.staging]",
      "[env.production.vars]",
      "A = 1",
    ]);
    assert.deepEqual(wranglerEnvironments(file), ["staging", "production"]);
  });

  test("gives none for a file that does not parse", () => {
    const file = fixture("envs-broken.toml", ["[env.staging", "A = 1"]);
    assert.deepEqual(wranglerEnvironments(file), []);
  });
});
