/**
 * Where the caret stands, read from the text of its section: on a table header being typed, on
 * a key, or on a value, and in which table. The model cannot say, since it leaves out the
 * statement being typed (`id = `, `[[kv_`, an inline table without its `}`); the sections still
 * give the layout, so only the caret's own section is read.
 */
import type { Section, Span } from "../../syntax/model";
import { keyName, lineEnd, lineStart, tokenize, type Token } from "./tokens";

/** A key/value statement as written, broken or not. */
export interface Statement {
  readonly path: readonly string[];
  /** Where its key starts. */
  readonly start: number;
  /** The value, when it is a plain string. */
  value?: string;
}

export interface HeaderSpot {
  readonly at: "header";
  /** The bracket run as typed: `[` or `[[`. */
  readonly brackets: string;
  /** The dotted key typed between the brackets and the caret. */
  readonly typed: string;
  /** From the first bracket to the end of the header, closing brackets included. */
  readonly range: Span;
  /** From the start of the dotted key to the end of the key part the caret is in. */
  readonly keyRange: Span;
  /** Keys already follow the header, so choosing a kind must not add a second set. */
  readonly hasBody: boolean;
}

export interface KeySpot {
  readonly at: "key";
  /** The table the key goes into, from the top of the document: header, then inline tables. */
  readonly table: readonly string[];
  /**
   * The parts of a dotted key before the caret's part: `durable_objects` in
   * `durable_objects.b`.
   */
  readonly dotted: readonly string[];
  readonly range: Span;
  /** A `=` already follows, so only the key is to be written. */
  readonly valueFollows: boolean;
  /** The statements of the same table, the caret's own excluded. */
  readonly siblings: readonly Statement[];
}

export interface ValueSpot {
  readonly at: "value";
  readonly table: readonly string[];
  readonly key: readonly string[];
  readonly range: Span;
  /** What was typed is a string, so the range includes its quotes. */
  readonly quoted: boolean;
  /** The value is an item of an inline array. */
  readonly inArray: boolean;
  readonly siblings: readonly Statement[];
  /** In an array: the strings its other items hold, so that a value is not offered twice. */
  readonly written?: readonly string[];
}

export type Spot = HeaderSpot | KeySpot | ValueSpot;

/** The section holding an offset; sections are ordered and contiguous, so a binary search. */
export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  let low = 0;
  let high = sections.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sections[mid]!.span.start <= offset) low = mid;
    else high = mid - 1;
  }
  return sections[low];
}

export function spotAt(text: string, section: Section, offset: number): Spot | undefined {
  const start = lineStart(text, offset);
  const opensWithHeader = text[firstInk(text, section.span.start)] === "[";
  if (opensWithHeader && start === section.span.start) {
    return headerSpot(text, section, start, offset);
  }
  const bodyStart = opensWithHeader ? lineEnd(text, section.span.start) + 1 : section.span.start;
  const table = opensWithHeader ? headerPath(text, section) : [];
  return bodySpot(text, { start: bodyStart, end: section.span.end }, table, offset);
}

/** The header's key path; for a header too broken to parse, what the text shows of it. */
function headerPath(text: string, section: Section): readonly string[] {
  if (section.header) return section.header.path;
  const bracket = firstInk(text, section.span.start);
  const path: string[] = [];
  for (const token of tokenize(text, bracket, lineEnd(text, bracket))) {
    if (token.type === "punct" && token.text === "]") break;
    const name = keyName(token);
    if (name !== undefined) path.push(name);
  }
  return path;
}

function headerSpot(text: string, section: Section, start: number, offset: number) {
  const before = /^([ \t]*)(\[\[?)([^\]#]*)$/.exec(text.slice(start, offset));
  if (!before) return undefined;
  const [, indent, brackets, typed] = before;

  const after = text.slice(offset, lineEnd(text, offset));
  const rest = /^[\w.\-"']*(?:[ \t]*\]{1,2})?/.exec(after)![0];
  const wordRest = /^[\w-]*/.exec(after)![0];
  const bracketsAt = start + indent.length;
  const bodyStart = Math.min(lineEnd(text, offset) + 1, section.span.end);

  return {
    at: "header",
    brackets,
    typed,
    range: { start: bracketsAt, end: offset + rest.length },
    keyRange: { start: bracketsAt + brackets.length, end: offset + wordRest.length },
    hasBody: /^[ \t]*[^\s#]/m.test(text.slice(bodyStart, section.span.end)),
  } satisfies HeaderSpot;
}

function firstInk(text: string, from: number): number {
  let i = from;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

interface Frame {
  readonly open: "[" | "{";
  /** The key the bracketed value belongs to, relative to the enclosing table. */
  readonly key: readonly string[];
  /** For inline tables: the statements inside. */
  readonly statements: Statement[];
  /** For arrays: the string items, with where each starts. */
  readonly items: { readonly text: string; readonly start: number }[];
}

type State = "key" | "keyPart" | "afterKey" | "value" | "afterValue";

/**
 * `key =` never stands inside an array, so such a line ends an unclosed one (as the splitter
 * does).
 */
const KEY_LIKE = /^[ \t]*[\w"'-][\w.\- \t"']*=/;

/**
 * Reads the statements of a section body, noting the state at the caret. It reads on past the
 * caret to the section's end, so that the keys after the caret count as present too.
 */
function bodySpot(text: string, body: Span, header: readonly string[], offset: number) {
  const statements: Statement[] = [];
  const frames: Frame[] = [];
  let state: State = "key";
  let parts: string[] = [];
  let partsStart = -1;
  let current: Statement | undefined;
  let spot: Spot | undefined;
  let caretKeyStart = -1;
  let caretArray: Frame | undefined;

  const container = () => frames.at(-1)?.statements ?? statements;
  const framePath = (list: readonly Frame[]) => [...header, ...list.flatMap((f) => f.key)];

  /** What the caret is on, given the state before `token`, the typed token it is in. */
  const capture = (token: Token | undefined): Spot | undefined => {
    const range = token ? { start: token.start, end: token.end } : { start: offset, end: offset };
    const siblings = container();
    if (state === "key" || state === "keyPart") {
      caretKeyStart = state === "key" ? range.start : partsStart;
      const follows = /^[ \t]*(\.[^=]*)?=/.test(text.slice(range.end, lineEnd(text, range.end)));
      const dotted = state === "keyPart" ? [...parts] : [];
      return {
        at: "key",
        table: framePath(frames),
        dotted,
        range,
        valueFollows: follows,
        siblings,
      };
    }
    if (state !== "value") return undefined;
    const quoted = token?.type === "string";
    const top = frames.at(-1);
    if (top?.open === "[") {
      const table = framePath(frames.slice(0, -1));
      caretArray = top;
      return { at: "value", table, key: top.key, range, quoted, inArray: true, siblings };
    }
    const table = framePath(frames);
    return { at: "value", table, key: [...parts], range, quoted, inArray: false, siblings };
  };

  for (const token of tokenize(text, body.start, body.end)) {
    if (!spot) {
      if (token.start >= offset) {
        spot = capture(undefined);
        if (!spot) return undefined;
      } else if (offset <= token.end) {
        if (token.type === "comment") return undefined;
        if (token.type === "string" && token.multiline) return undefined;
        if (token.type === "word" || token.type === "string") {
          spot = capture(token);
          if (!spot) return undefined;
        }
      }
    }

    if (token.type === "newline") {
      const top = frames.at(-1);
      const next = text.slice(token.end, lineEnd(text, token.end));
      if (!top || (top.open === "[" && KEY_LIKE.test(next))) {
        frames.length = 0;
        state = "key";
        parts = [];
      }
    } else if (token.type === "word" || token.type === "string") {
      if (state === "key" || state === "keyPart") {
        if (state === "key") partsStart = token.start;
        parts.push(keyName(token) ?? "");
        state = "afterKey";
      } else if (state === "value") {
        const top = frames.at(-1);
        if (token.type === "string" && top?.open === "[") {
          top.items.push({ text: token.text, start: token.start });
        } else if (current && token.type === "string") current.value = token.text;
        state = "afterValue";
      }
    } else if (token.type === "punct") {
      const top = frames.at(-1);
      switch (token.text) {
        case ".":
          if (state === "afterKey") state = "keyPart";
          break;
        case "=":
          if (state === "afterKey") {
            current = { path: [...parts], start: partsStart };
            container().push(current);
            state = "value";
          }
          break;
        case "{":
        case "[":
          if (state === "value") {
            const key = top?.open === "[" ? [] : [...parts];
            frames.push({ open: token.text, key, statements: [], items: [] });
            state = token.text === "{" ? "key" : "value";
            parts = [];
          }
          break;
        case "}":
        case "]":
          if (top && top.open === (token.text === "}" ? "{" : "[")) {
            frames.pop();
            state = "afterValue";
          }
          break;
        case ",":
          if (top?.open === "{") {
            state = "key";
            parts = [];
          } else if (top?.open === "[") state = "value";
          break;
      }
    }
  }
  spot ??= capture(undefined);

  // The statement whose key the caret is on is being written, not present.
  if (spot?.at === "key") {
    const siblings = spot.siblings.filter((s) => s.start !== caretKeyStart);
    return { ...spot, siblings };
  }
  // Likewise the array item the caret is on; the items after it were read on the way.
  if (spot?.at === "value" && caretArray) {
    const start = spot.range.start;
    return {
      ...spot,
      written: caretArray.items.filter((i) => i.start !== start).map((i) => i.text),
    };
  }
  return spot;
}
