import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { entryAt, type ConfigValue, type Span } from "../../server/src/syntax/model";
import { parseToml } from "../../server/src/syntax/toml";
import { splitSections } from "../../server/src/syntax/toml/sections";

/** The model as plain data, without positions, for whole-value comparisons. */
function plain(value: ConfigValue): unknown {
  switch (value.kind) {
    case "array":
      return value.items.map(plain);
    case "table":
      return Object.fromEntries(
        [...value.entries].map(([key, entry]) => [key, plain(entry.value)]),
      );
    default:
      return value.value;
  }
}

function textOf(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}

describe("splitSections", () => {
  const headersOf = (text: string) =>
    splitSections(text).map((s) => text.slice(s.start, s.end).split("\n")[0]);

  test("cuts at each header line, not at brackets inside values, strings or comments", () => {
    const text = [
      'name = "x"',
      "routes = [",
      '  { pattern = "a.com/*" },  # [not.a.header]',
      "]",
      'note = """',
      "[inside.a.string]",
      '"""',
      '[ "quoted]key" . b ] # comment',
      "k = 1",
      "[[env.staging.kv_namespaces]]",
      'binding = "A"',
    ].join("\n");
    assert.deepEqual(headersOf(text), [
      'name = "x"',
      '[ "quoted]key" . b ] # comment',
      "[[env.staging.kv_namespaces]]",
    ]);
  });

  test("a header line ends an unclosed array, so one missing ] does not swallow the file", () => {
    const text = "a = [1,\n2\n[vars]\nX = 1\n";
    assert.deepEqual(headersOf(text), ["a = [1,", "[vars]"]);
  });

  test("an array of arrays written over lines is not mistaken for headers", () => {
    const text = "a = [\n[1, 2],\n[true],\n]\n[b]\n";
    assert.deepEqual(headersOf(text), ["a = [", "[b]"]);
  });

  test("records where each statement starts", () => {
    const text = "[t]\na = 1\nb = [\n  2,\n]\n# note\nc = { d = 1 }\n";
    const [section] = splitSections(text);
    assert.deepEqual(
      section!.statements.map((at) => text.slice(at, text.indexOf("\n", at))),
      ["a = 1", "b = [", "c = { d = 1 }"],
    );
  });
});

describe("parseToml", () => {
  test("models array-of-tables, inline forms, dotted keys and environments", () => {
    const text = [
      'name = "shop"',
      'kv_namespaces = [{ binding = "A", id = "1" }]',
      'browser = { binding = "B" }',
      'vars.GREETING = "hi"',
      "[[durable_objects.bindings]]",
      'name = "D"',
      'class_name = "C"',
      "[env.staging]",
      'name = "shop-staging"',
      "[[env.staging.kv_namespaces]]",
      'binding = "A"',
      "[[env.staging.kv_namespaces]]",
      'binding = "B"',
    ].join("\n");
    const { document } = parseToml(text);
    assert.deepEqual(document.problems, []);
    assert.deepEqual(plain(document.root), {
      name: "shop",
      kv_namespaces: [{ binding: "A", id: "1" }],
      browser: { binding: "B" },
      vars: { GREETING: "hi" },
      durable_objects: { bindings: [{ name: "D", class_name: "C" }] },
      env: {
        staging: { name: "shop-staging", kv_namespaces: [{ binding: "A" }, { binding: "B" }] },
      },
    });
  });

  test("keeps where keys, headers and values are written", () => {
    const text = 'name = "x"\n\n[[env.staging.kv_namespaces]]\nbinding = "CACHE"\n';
    const { document } = parseToml(text);
    const env = entryAt(document.root, ["env"])!;
    const staging = entryAt(document.root, ["env", "staging"])!;
    const kv = entryAt(document.root, ["env", "staging", "kv_namespaces"])!;
    assert.equal(textOf(text, env.keySpan), "env");
    assert.equal(textOf(text, staging.keySpan), "staging");
    assert.equal(textOf(text, kv.keySpan), "kv_namespaces");
    assert.equal(kv.value.kind === "array" && kv.value.form, "tables");
    const item = kv.value.kind === "array" ? kv.value.items[0]! : kv.value;
    assert.equal(
      item.kind === "table" && textOf(text, item.header!),
      "[[env.staging.kv_namespaces]]",
    );
    assert.equal(textOf(text, item.span), '[[env.staging.kv_namespaces]]\nbinding = "CACHE"');
    const binding = item.kind === "table" ? item.entries.get("binding")! : undefined;
    assert.equal(textOf(text, binding!.value.span), '"CACHE"');
  });

  test("reads TOML 1.1: inline tables over several lines with a trailing comma", () => {
    const { document } = parseToml('browser = {\n  binding = "B",\n}\n');
    assert.deepEqual(document.problems, []);
    assert.deepEqual(plain(document.root), { browser: { binding: "B" } });
  });

  test("half-typed documents: the error is located and the rest is still modelled", () => {
    const cases: [string, string, string][] = [
      ['name = "x"\n[[kv_', "[[kv_", "TOML syntax: unterminated table-key."],
      ['name = "x"\nid = ', "id =", "TOML syntax: unspecified values are invalid."],
      [
        'name = "x"\nb = { binding = "A"',
        'b = { binding = "A"',
        "TOML syntax: unterminated inline table.",
      ],
      ['name = "x"\ns = "abc', 's = "abc', "TOML syntax: unterminated string constant."],
      ['name = "x"\nn = 1 2\n', "2", "TOML syntax: must be a newline."],
    ];
    for (const [text, located, message] of cases) {
      const { document } = parseToml(text);
      assert.equal(document.problems.length, 1, text);
      assert.equal(textOf(text, document.problems[0]!.span), located, text);
      assert.equal(document.problems[0]!.message, message, text);
      assert.deepEqual(plain(entryAt(document.root, ["name"])!.value), "x", text);
    }
  });

  test("a broken statement costs only itself: the keys around it are kept", () => {
    const text = '[[r2_buckets]]\nbinding = "A"\nbucket_name = my-bucket\njurisdiction = "eu"\n';
    const { document } = parseToml(text);
    assert.equal(document.problems.length, 1);
    assert.deepEqual(plain(document.root), { r2_buckets: [{ binding: "A", jurisdiction: "eu" }] });
  });

  test("a key or table defined twice is reported at the second place, pointing to the first", () => {
    const text =
      '[vars]\nA = 1\n[env.x]\nname = "n"\n[vars]\nB = 2\n[[env.x.kv_namespaces]]\nbinding = "K"\nbinding = "L"\n';
    const { document } = parseToml(text);
    const found = document.problems.map((p) => [
      textOf(text, p.span),
      p.message,
      p.related && textOf(text, p.related),
    ]);
    assert.deepEqual(found, [
      [
        "[vars]",
        'TOML syntax: "vars" is already defined above, so this header cannot define it again.',
        "[vars]",
      ],
      [
        "binding",
        'TOML syntax: the key "binding" is defined twice; TOML allows each key once per table.',
        "binding",
      ],
    ]);
    assert.equal(document.problems[0]!.span.start, text.lastIndexOf("[vars]"));
  });

  test("reuses the parse of unchanged sections and gives the same model as a fresh parse", () => {
    const blocks = Array.from({ length: 20 }, (_, i) => `[[kv_namespaces]]\nbinding = "KV${i}"\n`);
    const before = `name = "x"\n${blocks.join("\n")}`;
    const after = before.replace('binding = "KV7"', 'binding = "KV7b"');
    const first = parseToml(before);
    const second = parseToml(after, first.reuse, "replaced");
    const fresh = parseToml(after);

    const reused = second.reuse.models.filter((model) => first.reuse.models.includes(model));
    assert.equal(reused.length, second.reuse.models.length - 1);
    assert.deepEqual(second.document.root, fresh.document.root);
    assert.deepEqual(second.document.sections, fresh.document.sections);
  });

  test("a parse that keeps the previous version usable leaves it as it was", () => {
    const before = 'name = "x"\n[[kv_namespaces]]\nbinding = "A"\n[vars]\nX = "1"\n';
    const first = parseToml(before);
    const second = parseToml(`# note\n${before}`, first.reuse, "kept");
    assert.deepEqual(first.document, parseToml(before).document);
    assert.deepEqual(second.document, parseToml(`# note\n${before}`).document);
  });

  test("keeps CRLF documents' offsets exact", () => {
    const text = 'name = "x"\r\n[[kv_namespaces]]\r\nbinding = "A"\r\n';
    const { document } = parseToml(text);
    const kv = entryAt(document.root, ["kv_namespaces"])!;
    const item = kv.value.kind === "array" ? kv.value.items[0] : undefined;
    assert.equal(item?.kind === "table" && textOf(text, item.header!), "[[kv_namespaces]]");
  });
});
