import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { diagnose, formatOf, parseConfig } from "../../server/src/service";

function report(text: string) {
  const parsed = parseConfig(text, undefined, "json");
  return diagnose(parsed, "file:///w/wrangler.jsonc").map((d) => {
    const start = parsed.lines.offsetAt(d.range.start);
    const end = parsed.lines.offsetAt(d.range.end);
    return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${text.slice(start, end)} | ${d.message}`;
  });
}

describe("wrangler.json and wrangler.jsonc", () => {
  test("the format follows the file name, as Wrangler's does", () => {
    assert.deepEqual(
      ["wrangler.json", "wrangler.jsonc", "wrangler.toml", "a/wrangler.JSONC?x"].map(formatOf),
      ["json", "json", "toml", "json"],
    );
  });

  test("comments and trailing commas are accepted, and every check applies", () => {
    const text = [
      "{",
      "  // the shop",
      '  "name": "shop",',
      '  "kv_namespaces": [{ "binding": "CACHE", "id": "" },],',
      '  "r2_buckets": { "binding": "FILES" },',
      '  "env": { "staging": { "name": "shop-staging" } },',
      "}",
    ].join("\n");
    assert.deepEqual(report(text), [
      '4:49 1 empty-value "" | kv_namespaces[0].id must not be empty.',
      '5:17 1 wrong-shape { "binding": "FILES" } | r2_buckets must be an array of objects: "r2_buckets": [{ "binding": … }].',
      '6:12 2 env-missing-kind "staging" | env.staging has no kv_namespaces, and environments do not inherit bindings from the top level. In staging, env.CACHE is undefined. Add them under env.staging if staging needs them.',
    ]);
  });

  test("types are named in JSON's words", () => {
    assert.deepEqual(report('{ "observability": true }'), [
      "1:20 1 wrong-type true | observability must be an object, not true or false.",
    ]);
  });

  test("syntax errors are located and the rest is still checked", () => {
    const text = '{\n  "name": "shop"\n  "kv_namespaces": [{ "binding": 7 }]\n';
    assert.deepEqual(report(text), [
      '3:3 1 json-syntax "kv_namespaces" | JSON syntax: a comma is expected between entries.',
      "3:34 1 wrong-type 7 | kv_namespaces[0].binding must be a string, not a number.",
      "4:1 1 json-syntax  | JSON syntax: the object is not closed with }.",
    ]);
  });

  test("a property given twice is a warning at the second, pointing to the first", () => {
    const parsed = parseConfig('{ "name": "a", "name": "b" }', undefined, "json");
    const [problem] = diagnose(parsed, "file:///w/wrangler.json");
    assert.equal(problem?.severity, 2);
    assert.equal(problem?.code, "json-syntax");
    assert.deepEqual(problem?.range, {
      start: { line: 0, character: 15 },
      end: { line: 0, character: 21 },
    });
    assert.deepEqual(problem?.relatedInformation?.[0]?.location.range.start, {
      line: 0,
      character: 2,
    });
  });

  test("a file that is not an object says so", () => {
    assert.deepEqual(report("[1, 2]"), [
      "1:1 1 json-syntax [1, 2] | JSON syntax: the configuration must be an object.",
    ]);
  });
});
