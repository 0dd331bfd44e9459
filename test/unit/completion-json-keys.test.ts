import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { InsertTextMode } from "vscode-languageserver-types";
import { lines } from "../support/check";
import { completionIn, JSON_CONFIG_URI } from "../support/completion";

const { accept, applyRaw, completionsAt, itemAt, labels, ranked } = completionIn(JSON_CONFIG_URI);

describe("JSON completion of keys at the top level and in environments", () => {
  const topLevel = lines(
    "{",
    '  "name": "app",',
    "  |",
    '  "kv_namespaces": [{ "binding": "CACHE" }]',
    "}",
  );

  test("settings first, then the binding kinds; keys the object has left out", () => {
    const found = labels(topLevel);
    assert.deepEqual(found.slice(0, 3), ["main", "compatibility_date", "compatibility_flags"]);
    assert.ok(!found.includes("name"));
    assert.ok(!found.includes("kv_namespaces"), "written after the caret");
    assert.ok(found.indexOf("services") > found.indexOf("main"));
    assert.ok(found.indexOf("services") < found.indexOf("d1_databases"));
  });

  test("a binding kind writes its first entry, spread in the file's indentation", () => {
    assert.equal(
      applyRaw(topLevel, "services"),
      topLevel.replace(
        "|",
        [
          '"services": [',
          "    {",
          '      "binding": "${1:BACKEND}",',
          '      "service": "${2:my-backend}"',
          "    }",
          "  ],",
        ].join("\n"),
      ),
    );
    assert.equal(itemAt(topLevel, "services").insertTextMode, InsertTextMode.asIs);
  });

  test("a kind kept below another key is written inside it, and a single-table kind", () => {
    const fixture = lines("{", '\t"name": "app",', "\t|", "}");
    assert.equal(
      accept(fixture, "durable_objects.bindings"),
      fixture.replace(
        "|",
        [
          '"durable_objects": {',
          '\t\t"bindings": [',
          "\t\t\t{",
          '\t\t\t\t"name": "MY_DURABLE_OBJECT",',
          '\t\t\t\t"class_name": "MyDurableObject"',
          "\t\t\t}",
          "\t\t]",
          "\t}",
        ].join("\n"),
      ),
    );
    assert.equal(
      accept(fixture, "browser"),
      fixture.replace("|", ['"browser": {', '\t\t"binding": "BROWSER"', "\t}"].join("\n")),
    );
  });

  test("an unfinished string is replaced, its quote matched", () => {
    const fixture = lines("{", '  "name": "app",', '  "kv_|', "}");
    assert.equal(itemAt(fixture, "kv_namespaces").filterText, '"kv_namespaces"');
    assert.equal(
      accept(fixture, "kv_namespaces"),
      lines(
        "{",
        '  "name": "app",',
        '  "kv_namespaces": [',
        "    {",
        '      "binding": "MY_KV"',
        "    }",
        "  ]",
        "}",
      ),
    );
  });

  test("a property without its comma gets one when a key is chosen on the next line", () => {
    const fixture = lines("{", '  "name": "app"', '  "ma|"', "}");
    assert.equal(
      accept(fixture, "main"),
      lines("{", '  "name": "app",', '  "main": "src/index.ts"', "}"),
    );
  });

  test("nothing after a complete value on the same line, in comments, or before the object", () => {
    assert.deepEqual(completionsAt(lines("{", '  "name": "app" |', "}")).items, []);
    assert.deepEqual(completionsAt(lines("{", "  // kv_|", "}")).items, []);
    assert.deepEqual(completionsAt(lines("|{", "}")).items, []);
  });

  test("inside an environment: no top-level-only keys, none the environment has", () => {
    const fixture = lines(
      "{",
      '  "keep_vars": true,',
      '  "r2_buckets": [{ "binding": "FILES", "bucket_name": "files" }],',
      '  "env": {',
      '    "staging": {',
      '      "name": "app-staging",',
      "      |",
      '      "vars": { "MODE": "staging" }',
      "    }",
      "  }",
      "}",
    );
    const found = labels(fixture);
    for (const absent of ["name", "vars", "keep_vars", "site", "wasm_modules", "dev", "env"]) {
      assert.ok(!found.includes(absent), absent);
    }
    for (const present of ["main", "kv_namespaces", "r2_buckets"]) {
      assert.ok(found.includes(present), present);
    }
  });

  test("a new environment at the top level, when the file has none yet", () => {
    const fixture = lines("{", '  "name": "app",', "  |", "}");
    assert.equal(
      applyRaw(fixture, "env"),
      fixture.replace(
        "|",
        ['"env": {', '    "${1:name}": {', "      $2", "    }", "  }"].join("\n"),
      ),
    );
    const withEnv = lines("{", '  "env": {},', "  |", "}");
    assert.ok(!labels(withEnv).includes("env"));
  });
});

describe("JSON completion of keys in binding entries and tables", () => {
  test("the fields an entry lacks, required ones first and marked", () => {
    const fixture = lines("{", '  "services": [{ "binding": "AUTH", | }]', "}");
    assert.deepEqual(labels(fixture), [
      "service",
      "entrypoint",
      "environment",
      "props",
      "remote",
      "dev",
    ]);
    assert.equal(itemAt(fixture, "service").detail, "required · string");
    assert.equal(accept(fixture, "service"), fixture.replace("|", '"service": ""'));
  });

  test("after a comma, before another property: the new one ends with a comma", () => {
    const fixture = lines("{", '  "kv_namespaces": [{ "binding": "CACHE", | "id": "abc" }]', "}");
    assert.deepEqual(labels(fixture), ["preview_id", "remote"]);
    assert.equal(applyRaw(fixture, "remote"), fixture.replace("|", '"remote": ${1|true,false|},'));
  });

  test("an entry spread over lines, the key typed without its closing quote", () => {
    const fixture = lines(
      "{",
      '  "r2_buckets": [',
      "    {",
      '      "binding": "FILES",',
      '      "ju|',
      "    }",
      "  ]",
      "}",
    );
    assert.equal(
      applyRaw(fixture, "jurisdiction"),
      fixture.replace('"ju|', '"jurisdiction": "${1|eu,fedramp,us|}"'),
    );
  });

  test("renaming a key keeps its value", () => {
    const fixture = lines(
      "{",
      '  "kv_namespaces": [{ "binding": "CACHE", "previe|_id": "abc" }]',
      "}",
    );
    assert.equal(accept(fixture, "preview_id"), fixture.replace('"previe|_id"', '"preview_id"'));
  });

  test("a field that names a class is left empty and asks for candidates", () => {
    const fixture = lines(
      "{",
      '  "durable_objects": { "bindings": [{ "name": "COUNTER", "cl| }] }',
      "}",
    );
    assert.equal(itemAt(fixture, "class_name").command?.command, "editor.action.triggerSuggest");
    assert.equal(accept(fixture, "class_name"), fixture.replace('"cl|', '"class_name": ""'));
  });

  test("an unclosed entry at the end of a broken file", () => {
    const fixture = '{ "kv_namespaces": [{ "binding": "CACHE", |';
    assert.deepEqual(labels(fixture), ["id", "preview_id", "remote"]);
    assert.equal(accept(fixture, "id"), '{ "kv_namespaces": [{ "binding": "CACHE", "id": ""');
  });

  test("a configuration table offers its fields, and the binding kinds kept below it", () => {
    assert.ok(labels(lines("{", '  "observability": { | }', "}")).includes("head_sampling_rate"));
    assert.deepEqual(labels(lines("{", '  "durable_objects": { | }', "}")), [
      "code_update_strategy",
      "bindings",
    ]);
  });

  test("a table nested in an entry, written on the object's one line", () => {
    const fixture = lines("{", '  "ratelimits": [{ "name": "LIMITER", | }]', "}");
    assert.equal(
      accept(fixture, "simple"),
      fixture.replace("|", '"simple": { "limit": 100, "period": 60 }'),
    );
  });

  test("nothing in objects of free keys or of environments", () => {
    assert.deepEqual(completionsAt(lines("{", '  "vars": { | }', "}")).items, []);
    assert.deepEqual(completionsAt(lines("{", '  "env": { | }', "}")).items, []);
  });

  test("Windows line endings are kept in what is written", () => {
    const fixture = '{\r\n  "name": "app",\r\n  |\r\n}\r\n';
    assert.equal(
      accept(fixture, "ai"),
      '{\r\n  "name": "app",\r\n  "ai": {\r\n    "binding": "AI"\r\n  }\r\n}\r\n',
    );
  });

  test("no label twice, whatever the position", () => {
    const fixtures = [
      lines("{", "  |", "}"),
      lines("{", '  "env": { "staging": { | } }', "}"),
      lines("{", '  "services": [{ | }]', "}"),
      lines("{", '  "durable_objects": { | }', "}"),
    ];
    for (const fixture of fixtures) {
      const found = ranked(fixture).map((item) => item.label);
      assert.ok(found.length > 0, fixture);
      assert.equal(new Set(found).size, found.length, fixture);
    }
  });
});
