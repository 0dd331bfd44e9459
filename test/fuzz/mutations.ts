/**
 * The ways the fuzzer damages a configuration: what a half-typed, badly pasted, truncated or
 * hostile file looks like. Each mutation says what it did, so a failure can be read and redone.
 */
import type { Random } from "./random";

export interface Mutation {
  readonly name: string;
  /** How often it is chosen, relative to the others; the costly ones are rare. */
  readonly weight: number;
  apply(text: string, random: Random): { text: string; detail: string };
}

/** Characters whose neighbourhood matters to a TOML reader: a cut right after each. */
const CUT_AFTER = ["[", "]", "[[", "=", '"', "'", '"""', "{", ",", ".", "#", "\\", "\n", " ", "_"];
const TOKENS = ["[", "]", "[[", "]]", "{", "}", '"', "'", '"""', "'''", "=", " = ", ",", ".", "#"];
const CONTROLS = [
  "\0", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\r", "\r\n", "\t", "\u0085",
  "\u2028", "\u2029", "\ufeff", "\ud800", "\udfff", "\u{1f600}", "\u00e9", "\u0301",
]; // prettier-ignore
const INVALID_UTF8 = [
  [0x80],
  [0xbf],
  [0xc0, 0xaf],
  [0xc3],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xff],
];

const at = (text: string, random: Random) => random.int(text.length + 1);
const insert = (text: string, offset: number, piece: string) =>
  text.slice(0, offset) + piece + text.slice(offset);
const show = (piece: string) =>
  JSON.stringify(piece.length > 12 ? piece.slice(0, 12) + "…" : piece);

function lineRange(text: string, random: Random, most: number) {
  const lines = text.split("\n");
  const first = random.int(lines.length);
  const count = 1 + random.int(Math.min(most, lines.length - first));
  return { lines, first, count };
}

export const MUTATIONS: readonly Mutation[] = [
  {
    name: "truncate",
    weight: 4,
    apply(text, random) {
      const after = random.pick(CUT_AFTER);
      const hits: number[] = [];
      for (
        let i = text.indexOf(after);
        i >= 0 && hits.length < 500;
        i = text.indexOf(after, i + 1)
      ) {
        hits.push(i + after.length);
      }
      const cut = hits.length > 0 ? random.pick(hits) : at(text, random);
      return { text: text.slice(0, cut), detail: `at ${cut}, after ${show(after)}` };
    },
  },
  {
    name: "delete lines",
    weight: 2,
    apply(text, random) {
      const { lines, first, count } = lineRange(text, random, 4);
      lines.splice(first, count);
      return { text: lines.join("\n"), detail: `${count} from line ${first}` };
    },
  },
  {
    name: "duplicate lines",
    weight: 2,
    apply(text, random) {
      const { lines, first, count } = lineRange(text, random, 6);
      lines.splice(first, 0, ...lines.slice(first, first + count));
      return { text: lines.join("\n"), detail: `${count} from line ${first}` };
    },
  },
  {
    name: "insert token",
    weight: 4,
    apply(text, random) {
      const token = random.pick(TOKENS);
      const offset = at(text, random);
      return { text: insert(text, offset, token), detail: `${show(token)} at ${offset}` };
    },
  },
  {
    name: "insert control character",
    weight: 2,
    apply(text, random) {
      const piece = random.pick(CONTROLS);
      const offset = at(text, random);
      return { text: insert(text, offset, piece), detail: `${show(piece)} at ${offset}` };
    },
  },
  {
    name: "line endings",
    weight: 1,
    apply(text, random) {
      const ending = random.pick(["\r\n", "\r"]);
      return { text: text.replace(/\r?\n/g, ending), detail: show(ending) };
    },
  },
  {
    name: "invalid UTF-8",
    weight: 1,
    apply(text, random) {
      const bytes = [...Buffer.from(text, "utf8")];
      const offset = random.int(bytes.length + 1);
      const bad = random.pick(INVALID_UTF8);
      bytes.splice(offset, 0, ...bad);
      // A client that decodes wrongly reads every byte as a character: latin1 shows that.
      const encoding = random.chance(0.7) ? "utf8" : "latin1";
      const decoded = Buffer.from(bytes).toString(encoding);
      return { text: decoded, detail: `${bad.join(",")} at byte ${offset}, read as ${encoding}` };
    },
  },
  {
    name: "long string",
    weight: 0.4,
    apply(text, random) {
      const length = random.logInt(1_000, 300_000);
      const quote = random.pick(['"', "'", '"""', "'''"]);
      const close = random.chance(0.8) ? quote : "";
      const piece = `\nlong = ${quote}${"x".repeat(length)}${close}\n`;
      const offset = lineStartNear(text, random);
      return { text: insert(text, offset, piece), detail: `${length} × x in ${show(quote)}` };
    },
  },
  {
    name: "long key",
    weight: 0.4,
    apply(text, random) {
      const parts = random.chance(0.5);
      const size = parts ? random.logInt(100, 20_000) : random.logInt(1_000, 300_000);
      const key = parts ? Array.from({ length: size }, () => "k").join(".") : "k".repeat(size);
      const piece = random.chance(0.5) ? `\n${key} = 1\n` : `\n[${key}]\nx = 1\n`;
      const offset = lineStartNear(text, random);
      return { text: insert(text, offset, piece), detail: `${size} ${parts ? "parts" : "chars"}` };
    },
  },
  {
    name: "deep nesting",
    weight: 0.4,
    apply(text, random) {
      const depth = random.logInt(10, 30_000);
      const inline = random.chance(0.4);
      const closed = random.chance(0.6);
      const [open, shut] = inline ? ["{ a = ", " }"] : ["[", "]"];
      const value = open.repeat(depth) + "1" + (closed ? shut.repeat(depth) : "");
      const offset = lineStartNear(text, random);
      const piece = `\ndeep = ${value}\n`;
      const kind = `${inline ? "inline tables" : "arrays"}${closed ? "" : ", unclosed"}`;
      return { text: insert(text, offset, piece), detail: `${depth} levels of ${kind}` };
    },
  },
];

const TOTAL_WEIGHT = MUTATIONS.reduce((sum, m) => sum + m.weight, 0);

export function pickMutation(random: Random): Mutation {
  let roll = random.next() * TOTAL_WEIGHT;
  for (const mutation of MUTATIONS) {
    roll -= mutation.weight;
    if (roll < 0) return mutation;
  }
  return MUTATIONS.at(-1)!;
}

function lineStartNear(text: string, random: Random): number {
  return text.lastIndexOf("\n", at(text, random)) + 1;
}
