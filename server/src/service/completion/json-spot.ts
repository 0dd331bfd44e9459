/**
 * Where the caret stands in a JSON configuration: on a property key or on a value, and in which
 * object. The model cannot say, since the property being typed rarely parses, so the text is
 * read token by token with jsonc-parser's scanner, which gets past unclosed strings and missing
 * commas as a half-typed file needs. Reading goes on to the end of the caret's object, so that
 * the keys after the caret count as present too.
 */
import { createScanner } from "jsonc-parser";
import type { Span } from "../../syntax/model";
import { isTrivia, Token, tokenAfter, typedAt, type Typed } from "./json-tokens";
import type { Statement } from "./spot";

/** Property names and array indices from the top-level object down. */
export type JsonPath = readonly (string | number)[];

export interface JsonKeySpot {
  readonly at: "key";
  /** The object the key goes into. */
  readonly path: JsonPath;
  /** What was typed for the key, quotes included, or the empty span at the caret. */
  readonly range: Span;
  readonly quoted: boolean;
  /** A colon already follows, so only the key is to be written. */
  readonly valueFollows: boolean;
  /** The keys of the object, the caret's own excluded. */
  readonly present: ReadonlySet<string>;
  /** Where the previous property ends when no comma follows it: the item writes one there. */
  readonly commaBefore?: number;
  /** Another property follows without a comma, so the item ends with one. */
  readonly commaAfter: boolean;
}

export interface JsonValueSpot {
  readonly at: "value";
  /** The object holding the property. */
  readonly path: JsonPath;
  readonly key: string;
  readonly range: Span;
  readonly quoted: boolean;
  /** The value is an item of an array; `key` is the array's. */
  readonly inArray: boolean;
  /** The object's other properties, with their values when they are strings. */
  readonly siblings: readonly Statement[];
  readonly commaAfter: boolean;
}

export type JsonSpot = JsonKeySpot | JsonValueSpot;

interface Frame {
  readonly open: "{" | "[";
  /** The frame this object or array is a value in, and the key or index it has there. */
  readonly parent?: Frame;
  readonly step: string | number;
  state: "key" | "colon" | "value" | "after";
  /** Objects: the key whose value comes next. Arrays: the index of the next item. */
  key: string | number;
  readonly statements: Statement[];
}

/** The caret's object, as it stood before the token at the caret was read. */
interface Caret {
  readonly frame: Frame;
  readonly state: Frame["state"];
  readonly key: string | number;
  /** Undefined when nothing is typed at the caret. */
  readonly typed?: Typed;
  /** Where the last token before the caret's ends. */
  readonly lastEnd: number;
}

export function jsonSpotAt(text: string, offset: number): JsonSpot | undefined {
  const caret = readAround(text, offset);
  if (!caret) return undefined;
  const { frame, typed } = caret;
  const path = pathOf(frame);
  const range = typed?.range ?? { start: offset, end: offset };
  const quoted = typed?.quoted ?? false;
  const siblings = frame.statements.filter((statement) => statement.start !== typed?.range.start);
  const next = tokenAfter(text, range.end);
  const commaAfter = next === Token.string;

  const value = { at: "value", range, quoted, commaAfter } as const;
  if (frame.open === "[") {
    const key = path.at(-1);
    if (caret.state !== "value" || typeof key !== "string") return undefined;
    return { ...value, path: path.slice(0, -1), key, inArray: true, siblings: [] };
  }
  if (caret.state === "value" && typeof caret.key === "string") {
    return { ...value, path, key: caret.key, inArray: false, siblings };
  }
  // After a complete property, a key on a line of its own is the next property, short of a comma.
  const newProperty =
    caret.state === "after" && text.slice(caret.lastEnd, range.start).includes("\n");
  if (caret.state !== "key" && !newProperty) return undefined;
  return {
    at: "key",
    path,
    range,
    quoted,
    valueFollows: next === Token.colon,
    present: new Set(siblings.map((statement) => statement.path[0]!)),
    commaBefore: newProperty ? caret.lastEnd : undefined,
    commaAfter,
  };
}

/** Reads the tokens up to the end of the caret's object, noting the object at the caret. */
function readAround(text: string, offset: number): Caret | undefined {
  const scanner = createScanner(text, false);
  const frames = new Frames();
  let caret: Caret | undefined;
  let lastEnd = 0;

  for (let kind: number = scanner.scan(); kind !== Token.eof; kind = scanner.scan()) {
    const start = scanner.getTokenOffset();
    if (!caret) {
      const typed = typedAt(scanner, kind, text, offset);
      if (typed === null) return undefined;
      if (typed || start >= offset) {
        caret = frames.caret(typed, lastEnd);
        if (!caret) return undefined;
      }
    }
    if (isTrivia(kind)) continue;
    lastEnd = start + scanner.getTokenLength();
    if (!frames.read(kind, scanner.getTokenValue(), start)) break;
  }
  return caret ?? frames.caret(undefined, lastEnd);
}

/** The objects and arrays open at a point of the text, innermost last. */
class Frames {
  private readonly stack: Frame[] = [];
  /** How many of the stack's frames are objects, and how many arrays. */
  private readonly open = { "{": 0, "[": 0 };
  /** The caret's frame's place in the stack, once the caret is passed. */
  private caretDepth = -1;

  caret(typed: Typed | undefined, lastEnd: number): Caret | undefined {
    const frame = this.stack.at(-1);
    if (!frame) return undefined;
    this.caretDepth = this.stack.length - 1;
    return { frame, state: frame.state, key: frame.key, typed, lastEnd };
  }

  /** Moves on by one token; false once the caret's object is closed, as nothing after counts. */
  read(kind: number, value: string, start: number): boolean {
    const top = this.stack.at(-1);
    if (kind === Token.openBrace || kind === Token.openBracket) {
      const open = kind === Token.openBrace ? "{" : "[";
      // A value where a key should be belongs to no key the catalog knows.
      const step = !top || top.open === "[" || top.state === "value" ? (top?.key ?? "") : "";
      const state = open === "{" ? "key" : "value";
      this.stack.push({ open, parent: top, step, state, key: 0, statements: [] });
      this.open[open]++;
    } else if (kind === Token.closeBrace || kind === Token.closeBracket) {
      return this.close(kind === Token.closeBrace ? "{" : "[");
    } else if (!top) {
      return true;
    } else if (kind === Token.colon) {
      if (top.state === "colon") top.state = "value";
    } else if (kind === Token.comma) {
      if (top.open === "[") top.key = Number(top.key) + 1;
      top.state = top.open === "[" ? "value" : "key";
    } else if (top.open === "[" || top.state === "value") {
      const current = top.open === "{" ? top.statements.at(-1) : undefined;
      if (current && kind === Token.string) current.value = value;
      top.state = "after";
    } else if (kind === Token.string || kind === Token.unknown) {
      // A key; after a value (a missing comma) or a key without its colon, it starts a property.
      top.statements.push({ path: [value], start });
      top.key = value;
      top.state = "colon";
    }
    return true;
  }

  /** Closes the innermost frame of the bracket's kind, and those left open inside it. */
  private close(open: "{" | "["): boolean {
    // Counting keeps a stray bracket from searching the whole stack each time.
    if (this.open[open] === 0) return true;
    let at = this.stack.length - 1;
    while (this.stack[at]!.open !== open) at--;
    if (at <= this.caretDepth) return false;
    for (const frame of this.stack.splice(at)) this.open[frame.open]--;
    const parent = this.stack.at(-1);
    if (parent) parent.state = "after";
    return true;
  }
}

function pathOf(frame: Frame): JsonPath {
  const path: (string | number)[] = [];
  for (let at: Frame | undefined = frame; at?.parent; at = at.parent) path.push(at.step);
  return path.reverse();
}

/**
 * The table path the catalog knows an object by: array indices are left out, since an item of
 * `"kv_namespaces": [ … ]` is an entry of `kv_namespaces` as a `[[kv_namespaces]]` table is.
 */
export function tablePath(path: JsonPath): string[] {
  return path.filter((step): step is string => typeof step === "string");
}
