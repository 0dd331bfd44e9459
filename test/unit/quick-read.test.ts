/**
 * The quick reader (`server/src/syntax/toml/quick-read.ts`) stands in for toml-eslint-parser on
 * plain sections. Whatever it reads, the parser must read too, into the same model: here, every
 * section of the corpus and of a generated file, and thousands of them with one character
 * changed, where TOML's rules (control characters, duplicate keys, leading zeros) bite.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import { generateConfig } from "../../scripts/bench/generate";
import { parseSection } from "../../server/src/syntax/toml/parse-section";
import { quickRead } from "../../server/src/syntax/toml/quick-read";
import { SectionModel } from "../../server/src/syntax/toml/section-model";
import { splitSections, type SectionSlice } from "../../server/src/syntax/toml/sections";
import { Random } from "../fuzz/random";
import { firstDifference } from "../support/model-difference";

const CORPUS = resolve(__dirname, "../../../shared/corpus/real");

/** One character each, chosen for the rules a plain-looking section can still break. */
const CHANGES = ["", '"', "'", "\\", "=", ".", ",", "#", "[", "]", "{", "}", "0", "_", "-", " "];
const MORE = ["\t", "\n", "\r", "\r\n", "\u0001", "\u007f", "é", "\ud800", "😀", "x", "+", "e"];

interface Verdict {
  readonly read: boolean;
  readonly difference?: string;
}

/** Reads a section both ways; when the quick reader reads it, the two models must agree. */
function compare(text: string, slice: SectionSlice): Verdict {
  const quick = quickRead(text, slice.header);
  if (!quick) return { read: false };
  const parsed = parseSection(text, slice, false);
  if (parsed.problems.length > 0) {
    return { read: true, difference: `the parser finds a problem: ${parsed.problems[0]!.message}` };
  }
  const model = (parse: typeof parsed) => {
    const m = new SectionModel(text, parse, slice, 0);
    return {
      table: m.table,
      path: m.path,
      section: m.section,
      content: m.content,
      end: m.headerEnd,
    };
  };
  return {
    read: true,
    difference: firstDifference(model(parseSection(text, slice)), model(parsed), "section"),
  };
}

function sectionsOf(text: string): { text: string; slice: SectionSlice }[] {
  return splitSections(text).map((slice) => ({ text: text.slice(slice.start, slice.end), slice }));
}

describe("the quick reader reads what the parser reads, or declines", () => {
  const files = readdirSync(CORPUS).filter((file) => file.endsWith(".toml"));
  const texts = [
    ...files.map((file) => [file, readFileSync(resolve(CORPUS, file), "utf8")] as const),
    ["generated", generateConfig(1_000)] as const,
  ];

  test("every section of the corpus and of a generated file", () => {
    let [sections, read] = [0, 0];
    for (const [name, text] of texts) {
      for (const section of sectionsOf(text)) {
        const verdict = compare(section.text, section.slice);
        sections++;
        if (verdict.read) read++;
        assert.equal(verdict.difference, undefined, `${name} at ${section.slice.start}`);
      }
    }
    // Most real sections are plain: if this falls, the reader has stopped earning its place.
    assert.ok(read / sections > 0.6, `read ${read} of ${sections} sections`);
  });

  test("the same sections with one character changed", () => {
    const random = new Random(20261203);
    let [cases, read] = [0, 0];
    for (const [name, text] of texts) {
      for (const section of sectionsOf(text)) {
        for (let k = 0; k < 16; k++) {
          const at = random.int(section.text.length + 1);
          const typed = random.pick(random.chance(0.7) ? CHANGES : MORE);
          const replace = random.chance(0.5) ? 1 : 0;
          const changed = section.text.slice(0, at) + typed + section.text.slice(at + replace);
          const verdict = compare(changed, { ...section.slice, end: section.slice.start });
          cases++;
          if (verdict.read) read++;
          const where = `${name} at ${section.slice.start}: ${JSON.stringify(changed)}`;
          assert.equal(verdict.difference, undefined, where);
        }
      }
    }
    assert.ok(read > cases / 4, `read ${read} of ${cases}`);
  });
});
