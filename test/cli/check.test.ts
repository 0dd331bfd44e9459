/**
 * The built command-line checker, run as CI would run it: output formats and exit codes.
 * Run `npm run build` first; `npm test` does.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, test } from "node:test";

const ROOT = resolve(__dirname, "../..");
const CLI = join(ROOT, "dist/cli.js");

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fixture(text: string, name = "wrangler.toml"): string {
  const file = join(mkdtempSync(join(tmpdir(), "wb-cli-")), name);
  writeFileSync(file, text);
  return file;
}

describe("wrangler-bindings check", () => {
  test("a clean file: exit 0 and a summary", () => {
    const result = run("check", "examples/worker/wrangler.toml");
    assert.deepEqual(result, {
      status: 0,
      stdout: "1 file(s) checked: 0 error(s), 0 warning(s).\n",
      stderr: "",
    });
  });

  test("one line per problem, file:line:col severity code message, and exit 1 on errors", () => {
    const file = fixture('name = "w"\n[[kv_namespaces]]\nbinding = "A"\nid = ""\n[[r2_bucket]]\n');
    const result = run("check", file);
    assert.equal(result.status, 1);
    assert.equal(
      result.stdout,
      [
        `${file}:4:6 error empty-value kv_namespaces[0].id must not be empty.`,
        `${file}:5:3 warning unknown-key "r2_bucket" is not a key Wrangler knows at the top level; it is ignored. Did you mean "r2_buckets"?`,
        "1 file(s) checked: 1 error(s), 1 warning(s).",
        "",
      ].join("\n"),
    );
  });

  test("wrangler.jsonc is read as JSON with comments", () => {
    const file = fixture(
      '{\n  // shop\n  "kv_namespaces": [{ "binding": "A", "id": "" },],\n}\n',
      "wrangler.jsonc",
    );
    const result = run("check", file);
    assert.equal(result.status, 1);
    assert.equal(
      result.stdout,
      `${file}:3:45 error empty-value kv_namespaces[0].id must not be empty.\n1 file(s) checked: 1 error(s), 0 warning(s).\n`,
    );
  });

  test("warnings alone exit 0", () => {
    assert.equal(run("check", fixture("[[r2_bucket]]\n")).status, 0);
  });

  test("--format json prints LSP diagnostics per file", () => {
    const file = fixture("[[kv_namespaces]]\nbinding = 1\n");
    const result = run("check", "--format", "json", file);
    assert.equal(result.status, 1);
    assert.deepEqual(JSON.parse(result.stdout), [
      {
        file,
        diagnostics: [
          {
            range: { start: { line: 1, character: 10 }, end: { line: 1, character: 11 } },
            severity: 1,
            code: "wrong-type",
            source: "wrangler-bindings",
            message: "kv_namespaces[0].binding must be a string, not a number.",
          },
        ],
      },
    ]);
  });

  test("the shipped broken example reports its mistakes", () => {
    const result = run("check", "examples/broken/wrangler.toml");
    assert.equal(result.status, 1);
    const codes = result.stdout
      .split("\n")
      .flatMap((line) => line.match(/^\S+ (?:error|warning) (\S+)/)?.[1] ?? []);
    for (const code of [
      "removed-key",
      "misplaced-key",
      "unknown-key",
      "duplicate-binding",
      "empty-value",
      "invalid-binding-name",
      "invalid-value",
      "missing-migration",
      "field-requires",
      "over-limit",
      "field-conflict",
      "missing-field",
      "env-missing-kind",
      "env-missing-binding",
    ]) {
      assert.ok(codes.includes(code), `expected a ${code} problem in the broken example`);
    }
  });

  test("usage errors exit 2 with a message on stderr", () => {
    assert.equal(run("lint", "x").status, 2);
    assert.match(run("check").stderr, /no file to check/);
    assert.match(run("check", "--format", "xml", "x").stderr, /unknown format "xml"/);
    const missing = run("check", "does-not-exist.toml");
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read does-not-exist\.toml/);
  });
});
