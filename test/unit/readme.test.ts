/**
 * The README is the user's reference: every diagnostic code and every setting the extension
 * has must be documented there, and nothing documented that does not exist.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { DIAGNOSTIC_CODES } from "../../server/src/checks/problem";

const root = resolve(__dirname, "../..");
const readme = readFileSync(resolve(root, "README.md"), "utf8");
const manifest = JSON.parse(readFileSync(resolve(root, "package.json"), "utf8"));

/** The first column of the table rows in one `## ` section, without backticks. */
function tableKeys(heading: string): string[] {
  const start = readme.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `the README has no "## ${heading}" section`);
  const end = readme.indexOf("\n## ", start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^\| `([^`]+)`/gm)].map((m) => m[1]!).sort();
}

test("every diagnostic code is documented, and only those", () => {
  assert.deepEqual(tableKeys("What it checks"), Object.keys(DIAGNOSTIC_CODES).sort());
});

test("every setting is documented, and only those", () => {
  const settings = Object.keys(manifest.contributes.configuration.properties).sort();
  assert.deepEqual(tableKeys("Settings"), settings);
});

test("every command is documented, and only those", () => {
  const commands = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
  assert.deepEqual(tableKeys('The Bindings explorer and "Add binding"'), commands);
});
