import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { JSON_URI, remove } from "../support/add-binding";
import { lines } from "../support/check";

describe("Remove binding", () => {
  const blocks = lines(
    'name = "shop"',
    "",
    "[[kv_namespaces]]",
    'binding = "A"',
    "",
    "# the sessions",
    "[[kv_namespaces]] # second",
    'binding = "B"',
    'id = "x" # comment on the value',
    "",
    "[vars]",
    'MODE = "live"',
  );

  test("a block goes with its header and lines (one blank line too), comments above it stay", () => {
    assert.equal(
      remove(blocks, "kv_namespaces", 0),
      lines(
        'name = "shop"',
        "",
        "# the sessions",
        "[[kv_namespaces]] # second",
        'binding = "B"',
        'id = "x" # comment on the value',
        "",
        "[vars]",
        'MODE = "live"',
      ),
    );
    assert.equal(
      remove(blocks, "kv_namespaces", 1),
      lines(
        'name = "shop"',
        "",
        "[[kv_namespaces]]",
        'binding = "A"',
        "",
        "# the sessions",
        "",
        "[vars]",
        'MODE = "live"',
      ),
    );
  });

  test("a block at the end of the file takes the blank line above it", () => {
    const text = lines('name = "x"', "", "[[r2_buckets]]", 'binding = "A"');
    assert.equal(remove(text, "r2_buckets", 0), lines('name = "x"'));
  });

  test("a block's sub-tables go with it", () => {
    const text = lines(
      "[[dispatch_namespaces]]",
      'binding = "D"',
      "[dispatch_namespaces.outbound]",
      'service = "out"',
      "",
      "[vars]",
    );
    assert.equal(remove(text, "dispatch_namespaces", 0), lines("[vars]"));
  });

  test("an item of a one-line inline list goes with its comma", () => {
    const text = lines(
      'services = [{ binding = "A", service = "a" }, { binding = "B", service = "b" }]',
    );
    assert.equal(
      remove(text, "services", 0),
      lines('services = [{ binding = "B", service = "b" }]'),
    );
    assert.equal(
      remove(text, "services", 1),
      lines('services = [{ binding = "A", service = "a" }]'),
    );
  });

  test("an item of a list written a line each goes with its line", () => {
    const text = lines(
      "[durable_objects]",
      "bindings = [",
      '  { name = "A", class_name = "A" }, # first',
      '  { name = "B", class_name = "B" }',
      "]",
    );
    assert.equal(
      remove(text, "durable_objects.bindings", 0, null),
      lines("[durable_objects]", "bindings = [", '  { name = "B", class_name = "B" }', "]"),
    );
    assert.equal(
      remove(text, "durable_objects.bindings", 1, null),
      lines("[durable_objects]", "bindings = [", '  { name = "A", class_name = "A" } # first', "]"),
    );
  });

  test("the only item of an inline list takes the whole statement", () => {
    const text = lines(
      "[env.staging]",
      'name = "s"',
      'kv_namespaces = [{ binding = "A" }]',
      "[vars]",
    );
    assert.equal(
      remove(text, "kv_namespaces", 0, "staging"),
      lines("[env.staging]", 'name = "s"', "[vars]"),
    );
  });

  test("a variable, a secret, a single table", () => {
    const vars = ["[vars]", 'A = "1"', 'B = "2"', ""];
    const secrets = ["[secrets]", 'required = ["S", "T"]', ""];
    const ai = ["[ai]", 'binding = "AI"'];
    const text = lines(...vars, ...secrets, ...ai);
    assert.equal(remove(text, "vars", 0), lines("[vars]", 'B = "2"', "", ...secrets, ...ai));
    assert.equal(
      remove(text, "secrets", 1),
      lines(...vars, "[secrets]", 'required = ["S"]', "", ...ai),
    );
    assert.equal(remove(text, "ai", 0), lines(...vars, "[secrets]", 'required = ["S", "T"]'));
  });

  test("a CRLF file stays CRLF", () => {
    const text = [
      "[[kv_namespaces]]",
      'binding = "A"',
      "",
      "[[kv_namespaces]]",
      'binding = "B"',
      "",
    ];
    assert.equal(
      remove(text.join("\r\n"), "kv_namespaces", 1),
      ["[[kv_namespaces]]", 'binding = "A"', ""].join("\r\n"),
    );
  });

  test("nothing for an entry that is not there", () => {
    assert.equal(remove(blocks, "kv_namespaces", 2), null);
    assert.equal(remove(blocks, "r2_buckets", 0), null);
    assert.equal(remove(blocks, "kv_namespaces", 0, "staging"), null);
  });

  test("JSON: an item with its comma; the only item with its property", () => {
    const text = [
      "{",
      '  "name": "shop",',
      '  "kv_namespaces": [',
      '    { "binding": "A" },',
      '    { "binding": "B" }',
      "  ],",
      '  "r2_buckets": [{ "binding": "R" }]',
      "}",
    ];
    assert.equal(
      remove(text.join("\n"), "kv_namespaces", 1, null, JSON_URI),
      [...text.slice(0, 3), '    { "binding": "A" }', ...text.slice(5)].join("\n"),
    );
    assert.equal(
      remove(text.join("\n"), "r2_buckets", 0, null, JSON_URI),
      [...text.slice(0, 5), "  ]", "}"].join("\n"),
    );
  });
});
