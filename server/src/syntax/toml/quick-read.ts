/**
 * A fast reader for the plain TOML that Worker configurations are mostly written in: bare keys,
 * strings without escapes, whole numbers, booleans, arrays and one-line inline tables, comments.
 * It gives what toml-eslint-parser gives for the same section, in a fraction of the time and
 * memory, and declines (returns undefined) at the first thing outside that plain subset or
 * anything TOML rejects, so the parser reads those sections and reports their problems exactly.
 * A test holds it to the parser's result on every section it reads.
 */
import type { AST } from "toml-eslint-parser";
import type { ParsedSection } from "./parse-section";

type Read = Omit<ParsedSection, "commentedHeaders">;
type KeyValue = AST.TOMLKeyValue;
type Value = AST.TOMLContentNode;

/** Deeper values are left to the parser, which the section scanner already bounds. */
const MAX_DEPTH = 32;
/** Longer numbers may not be exact as JavaScript numbers; the parser decides those. */
const MAX_DIGITS = 15;

/** A key's place in a table: a value, or a table that dotted keys made (`a.b = 1` makes `a`). */
type Defined = "value" | Map<string, Defined>;

class Decline extends Error {}

export function quickRead(text: string, header: boolean): Read | undefined {
  try {
    return new QuickReader(text).section(header);
  } catch (error) {
    if (error instanceof Decline) return undefined;
    throw error;
  }
}

class QuickReader {
  private i = 0;

  constructor(private readonly text: string) {}

  section(withHeader: boolean): Read {
    let table: AST.TOMLTable | undefined;
    let headerEnd = 0;
    if (withHeader) {
      this.blanks();
      table = this.header();
      headerEnd = this.i;
      this.lineEnd();
    }
    const body: KeyValue[] = [];
    const defined = new Map<string, Defined>();
    while (this.i < this.text.length) {
      this.blanks();
      const c = this.code();
      if (c === 10 || c === 13 || c === 35 /* # */ || Number.isNaN(c)) {
        this.lineEnd();
        continue;
      }
      const statement = this.keyValue(0);
      define(defined, statement.key);
      body.push(statement);
      this.lineEnd();
    }
    if (table) (table as { body: KeyValue[] }).body = body;
    return {
      header: table,
      headerEnd,
      headerBroken: false,
      units: [{ offset: 0, body }],
      problems: [],
    };
  }

  /** `[a.b]` or `[[a.b]]`, up to the closing bracket. */
  private header(): AST.TOMLTable {
    const start = this.i;
    this.expect(91 /* [ */);
    const array = this.code() === 91;
    if (array) this.i++;
    this.blanks();
    const key = this.key();
    this.blanks();
    this.expect(93 /* ] */);
    if (array) this.expect(93);
    const kind = array ? "array" : "standard";
    return { type: "TOMLTable", kind, key, body: [], range: [start, this.i] } as never;
  }

  private keyValue(depth: number): KeyValue {
    const key = this.key();
    this.blanks();
    this.expect(61 /* = */);
    this.blanks();
    const value = this.value(depth);
    return { type: "TOMLKeyValue", key, value, range: [key.range[0], value.range[1]] } as never;
  }

  /** A bare key, dotted or not; quoted keys are left to the parser. */
  private key(): AST.TOMLKey {
    const keys: AST.TOMLBare[] = [];
    for (;;) {
      const start = this.i;
      while (isBare(this.code())) this.i++;
      if (this.i === start) throw new Decline();
      const name = this.text.slice(start, this.i);
      keys.push({ type: "TOMLBare", name, range: [start, this.i] } as never);
      this.blanks();
      if (this.code() !== 46 /* . */) break;
      this.i++;
      this.blanks();
    }
    // Blanks after the last part are not the key's.
    const range: [number, number] = [keys[0]!.range[0], keys.at(-1)!.range[1]];
    this.i = range[1];
    return { type: "TOMLKey", keys, range } as never;
  }

  private value(depth: number): Value {
    if (depth > MAX_DEPTH) throw new Decline();
    const c = this.code();
    if (c === 34 /* " */ || c === 39 /* ' */) return this.string(c);
    if (c === 91 /* [ */) return this.array(depth);
    if (c === 123 /* { */) return this.inlineTable(depth);
    if (c === 116 /* t */ || c === 102 /* f */) return this.boolean();
    if (c >= 48 && c <= 57) return this.integer();
    throw new Decline();
  }

  /** A one-line string with nothing to unescape: its text is its value. */
  private string(quote: number): Value {
    const start = this.i++;
    if (this.code() === quote && this.text.charCodeAt(this.i + 1) === quote) throw new Decline();
    for (;;) {
      const c = this.code();
      if (c === quote) break;
      if (c === 92 /* \ */ && quote === 34) throw new Decline();
      if (!isTextCharacter(c)) throw new Decline();
      this.i++;
    }
    const value = this.text.slice(start + 1, this.i);
    this.i++;
    return this.scalar("string", value, start);
  }

  private boolean(): Value {
    const start = this.i;
    const word = this.text.startsWith("true", start) ? "true" : "false";
    if (!this.text.startsWith(word, start)) throw new Decline();
    this.i += word.length;
    this.delimited();
    return this.scalar("boolean", word === "true", start);
  }

  /** A decimal whole number: no sign, no `_`, no leading zero, nothing after it. */
  private integer(): Value {
    const start = this.i;
    while (this.code() >= 48 && this.code() <= 57) this.i++;
    const digits = this.text.slice(start, this.i);
    if (digits.length > MAX_DIGITS || (digits.length > 1 && digits[0] === "0")) {
      throw new Decline();
    }
    this.delimited();
    return this.scalar("integer", Number(digits), start);
  }

  private scalar(kind: string, value: unknown, start: number): Value {
    return { type: "TOMLValue", kind, value, range: [start, this.i] } as never;
  }

  private array(depth: number): Value {
    const start = this.i++;
    const elements: Value[] = [];
    for (;;) {
      this.gap();
      if (this.code() === 93 /* ] */) break;
      elements.push(this.value(depth + 1));
      this.gap();
      if (this.code() === 44 /* , */) this.i++;
      else if (this.code() !== 93) throw new Decline();
    }
    this.i++;
    return { type: "TOMLArray", elements, range: [start, this.i] } as never;
  }

  /** `{ a = 1, b = "x" }` on one line, single-part keys, no comma before the `}`. */
  private inlineTable(depth: number): Value {
    const start = this.i++;
    const body: KeyValue[] = [];
    const names = new Set<string>();
    this.blanks();
    if (this.code() !== 125 /* } */) {
      for (;;) {
        const pair = this.keyValue(depth + 1);
        const name = (pair.key.keys[0] as AST.TOMLBare).name;
        if (pair.key.keys.length > 1 || names.has(name)) throw new Decline();
        names.add(name);
        body.push(pair);
        this.blanks();
        if (this.code() === 125) break;
        this.expect(44 /* , */);
        this.blanks();
      }
    }
    this.i++;
    return { type: "TOMLInlineTable", body, range: [start, this.i] } as never;
  }

  /** Between an array's items: blanks, line breaks and whole comments. */
  private gap(): void {
    for (;;) {
      this.blanks();
      const c = this.code();
      if (c === 35 /* # */) this.comment();
      else if (c === 10) this.i++;
      else if (c === 13 && this.text.charCodeAt(this.i + 1) === 10) this.i += 2;
      else return;
    }
  }

  /** The rest of a line after a statement: blanks, perhaps a comment, the line break. */
  private lineEnd(): void {
    this.blanks();
    if (this.code() === 35) this.comment();
    const c = this.code();
    if (Number.isNaN(c)) return;
    if (c === 10) this.i++;
    else if (c === 13 && this.text.charCodeAt(this.i + 1) === 10) this.i += 2;
    else throw new Decline();
  }

  private comment(): void {
    this.i++;
    for (let c = this.code(); c !== 10 && !Number.isNaN(c); c = this.code()) {
      if (c === 13 && this.text.charCodeAt(this.i + 1) === 10) return;
      if (!isTextCharacter(c)) throw new Decline();
      this.i++;
    }
  }

  /** After a number or boolean: what may end a value. */
  private delimited(): void {
    const c = this.code();
    const ends = c === 32 || c === 9 || c === 10 || c === 13 || c === 44 || c === 93;
    if (!(ends || c === 125 || c === 35 || Number.isNaN(c))) throw new Decline();
  }

  private blanks(): void {
    for (let c = this.code(); c === 32 || c === 9; c = this.code()) this.i++;
  }

  private expect(code: number): void {
    if (this.code() !== code) throw new Decline();
    this.i++;
  }

  /** The code unit at the reader's place; NaN at the end of the text. */
  private code(): number {
    return this.text.charCodeAt(this.i);
  }
}

function isBare(c: number): boolean {
  return (
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45
  );
}

/**
 * What a string or comment may hold as it is: tab and everything printable. Control characters
 * are errors, and lone surrogate halves are left to the parser, which replaces them.
 */
function isTextCharacter(c: number): boolean {
  if (Number.isNaN(c)) return false;
  if (c < 32) return c === 9;
  return c !== 127 && (c < 0xd800 || c > 0xdfff);
}

/** Records a statement's key in its table; a key given twice, or as value and table, declines. */
function define(defined: Map<string, Defined>, key: AST.TOMLKey): void {
  let table = defined;
  const parts = key.keys as AST.TOMLBare[];
  for (const [i, part] of parts.entries()) {
    const existing = table.get(part.name);
    if (i === parts.length - 1) {
      if (existing) throw new Decline();
      table.set(part.name, "value");
      return;
    }
    if (existing === "value") throw new Decline();
    if (!existing) table.set(part.name, (table = new Map()));
    else table = existing;
  }
}
