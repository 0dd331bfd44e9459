/**
 * Typing into a configuration reparses only what the keystroke touched (see
 * `server/src/syntax/toml/index.ts`) and checks again only the environment it was typed in (see
 * `server/src/checks/memo.ts`). Whatever is typed, the result must read exactly as a fresh
 * parse and check of the same text: here, chains of edits over every TOML file of the corpus
 * and a generated one, each parse reusing the last as the server does.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import { generateConfig } from "../../scripts/bench/generate";
import { diagnose, parseConfig, type ParsedConfig } from "../../server/src/service";
import { entryAt, type TableValue } from "../../server/src/syntax/model";
import type { TextChange } from "../../server/src/syntax/text-change";
import { Random } from "../fuzz/random";
import { modelDifference } from "../support/model-difference";

const CORPUS = resolve(__dirname, "../../../shared/corpus/real");
const EDITS_PER_FILE = 30;

/** What people type, and what breaks TOML's structure most: brackets, quotes, line breaks. */
const TYPED = [
  "x",
  "_",
  "1",
  " ",
  "=",
  "[",
  "]",
  "[[",
  '"',
  "'",
  '"""',
  "#",
  "{",
  "}",
  ",",
  "\n",
  "\r\n",
  "\r",
  "\n[vars]\n",
  "\n[[kv_namespaces]]\n",
];

/** An edit somewhere in the text, and the stretch it changed as an editor would report it. */
function typeInto(text: string, random: Random): { text: string; change: TextChange } {
  const at = random.int(text.length + 1);
  let end = at;
  let typed = "";
  if (random.chance(0.35) && text.length > 0)
    end = Math.min(text.length, at + random.logInt(1, 40));
  else typed = random.pick(TYPED);
  // Editors may report a wider range than the characters that changed.
  const wider = random.chance(0.5) ? random.int(4) : 0;
  const start = Math.max(0, at - wider);
  const removedEnd = Math.min(text.length, end + wider);
  const change = { start, removedEnd, insertedEnd: removedEnd - end + at + typed.length };
  return { text: text.slice(0, at) + typed + text.slice(end), change };
}

function editChain(name: string, start: string, seed: number): void {
  const random = new Random(seed);
  let text = start;
  let parsed: ParsedConfig = parseConfig(text);
  for (let step = 0; step < EDITS_PER_FILE; step++) {
    const edit = typeInto(text, random);
    text = edit.text;
    // Half the time the parse is told where the edit was, as the server is by the editor.
    const told = random.chance(0.5) ? edit.change : undefined;
    parsed = parseConfig(text, parsed, "toml", "replaced", told);
    const fresh = parseConfig(text);
    const difference = modelDifference(fresh, parsed);
    assert.equal(difference, undefined, `${name}, edit ${step + 1}: ${difference}`);
    // The checks replay what they found in sections the edit left alone: it must all still hold.
    const where = `${name}, edit ${step + 1}`;
    assert.deepEqual(diagnose(parsed, "file:///w.toml"), diagnose(fresh, "file:///w.toml"), where);
  }
}

/**
 * Typing as people do: a few characters one after another at one place, then erased one by
 * one, each a version of its own. Most of these keystrokes stay inside one section and keep
 * its header, so the previous tree is patched (`syntax/toml/patch.ts`) many times in a row.
 */
function typingChain(name: string, start: string, seed: number): void {
  const random = new Random(seed);
  let text = start;
  let parsed: ParsedConfig = parseConfig(text);
  const check = (where: string) => {
    const fresh = parseConfig(text);
    const difference = modelDifference(fresh, parsed);
    assert.equal(difference, undefined, `${name}, ${where}: ${difference}`);
    assert.deepEqual(diagnose(parsed, "file:///w.toml"), diagnose(fresh, "file:///w.toml"), where);
  };
  for (let word = 0; word < 4; word++) {
    const at = random.int(text.length + 1);
    const typed = random.pick(['name = "w"', "x1", ' = "', "# note", "{ a = 1 }", "[b]"]);
    for (let i = 0; i < typed.length; i++) {
      text = text.slice(0, at + i) + typed[i] + text.slice(at + i);
      parsed = parseConfig(text, parsed, "toml", "replaced", {
        start: at + i,
        removedEnd: at + i,
        insertedEnd: at + i + 1,
      });
      check(`typing ${JSON.stringify(typed.slice(0, i + 1))} at ${at}`);
    }
    for (let i = typed.length - 1; i >= 0; i--) {
      text = text.slice(0, at + i) + text.slice(at + i + 1);
      const change = { start: at + i, removedEnd: at + i + 1, insertedEnd: at + i };
      parsed = parseConfig(text, parsed, "toml", "replaced", change);
      check(`erasing back to ${JSON.stringify(typed.slice(0, i))} at ${at}`);
    }
  }
}

describe("a parse reusing the previous version reads as a fresh parse", () => {
  const files = readdirSync(CORPUS).filter((file) => file.endsWith(".toml"));

  test("over the corpus's TOML files", () => {
    assert.ok(files.length > 100, "the corpus is there");
    files.forEach((file, k) => editChain(file, readFileSync(resolve(CORPUS, file), "utf8"), k));
  });

  test("over a generated file of a thousand lines", () => {
    editChain("generated", generateConfig(1_000), 7);
  });

  test("while typing and erasing a few characters at one place", () => {
    files.forEach((file, k) => {
      if (k % 4 === 0) typingChain(file, readFileSync(resolve(CORPUS, file), "utf8"), k);
    });
    typingChain("generated", generateConfig(1_000), 11);
  });

  test("an environment named first by a new section is warned about there", () => {
    const text = [
      "[[kv_namespaces]]",
      'binding = "KV"',
      'id = "a"',
      "",
      "[env.staging]",
      'name = "w-staging"',
      "",
      "[[env.staging.r2_buckets]]",
      'binding = "BUCKET"',
      'bucket_name = "bucket-b"',
      "",
    ].join("\n");
    const before = parseConfig(text);
    const uri = "file:///w.toml";
    assert.deepEqual(
      diagnose(before, uri).map((d) => [d.code, d.range.start.line]),
      [["env-missing-kind", 4]],
    );
    // A section that writes no binding, before the first mention of the environment.
    const at = text.indexOf("[env.staging]");
    const inserted = "[env.staging.observability]\nenabled = true\n\n";
    const edited = text.slice(0, at) + inserted + text.slice(at);
    const change = { start: at, removedEnd: at, insertedEnd: at + inserted.length };
    const after = parseConfig(edited, before, "toml", "replaced", change);
    assert.deepEqual(diagnose(after, uri), diagnose(parseConfig(edited), uri));
    assert.equal(diagnose(after, uri)[0]?.range.start.line, 4);
  });

  test("typing in an environment's table that later headers add to patches the copies", () => {
    let text = [
      "[env.staging]",
      'name = "w"',
      'queues.producers = [{ binding = "Q", queue = "q" }]',
      "",
      "[[env.staging.queues.consumers]]",
      'queue = "q"',
      "",
      "[env.staging.vars]",
      'MODE = "x"',
      "",
    ].join("\n");
    let parsed = parseConfig(text);
    const at = text.indexOf('"w"') + 1;
    for (const [i, typed] of [..."abc"].entries()) {
      text = text.slice(0, at + i) + typed + text.slice(at + i);
      const change = { start: at + i, removedEnd: at + i, insertedEnd: at + i + 1 };
      const next = parseConfig(text, parsed, "toml", "replaced", change);
      assert.equal(next.reuse!.built.links, parsed.reuse!.built.links, "patched, not rebuilt");
      assert.equal(modelDifference(parseConfig(text), next), undefined, `after ${typed}`);
      parsed = next;
    }
  });

  test("typing in one section gives new tables only on the way to it", () => {
    const text = generateConfig(1_000);
    const before = parseConfig(text);
    const header = text.indexOf("[[env.e1.");
    assert.ok(header > 0, "the generated file has array-of-tables entries in e1");
    const at = text.indexOf(' = "', header) + 4;
    const edited = `${text.slice(0, at)}x${text.slice(at)}`;
    const change = { start: at, removedEnd: at, insertedEnd: at + 1 };
    const after = parseConfig(edited, before, "toml", "replaced", change);
    const envOf = (parsed: ParsedConfig, name: string) =>
      entryAt(parsed.document.root, ["env", name])!.value as TableValue;
    const [e1Before, e2Before] = [envOf(before, "e1"), envOf(before, "e2")];
    const e2Binding = [...e2Before.entries.values()].at(-1)!.value;
    assert.notEqual(envOf(after, "e1"), e1Before, "the edited environment is a new table");
    assert.equal(envOf(after, "e2"), e2Before, "another environment is the same table");
    assert.equal([...envOf(after, "e2").entries.values()].at(-1)!.value, e2Binding);
    assert.equal(modelDifference(parseConfig(edited), after), undefined);
  });

  test("after an edit, the sections outside it are the previous version's, moved", () => {
    const text = generateConfig(1_000);
    const before = parseConfig(text);
    const at = text.indexOf("[[env.");
    const after = parseConfig(`${text.slice(0, at)}#${text.slice(at)}`, before, "toml", "replaced");
    const reused = after.reuse!.models.filter((model) => before.reuse!.models.includes(model));
    assert.equal(reused.length, after.reuse!.models.length - 1, "all but the edited section");
  });
});
