/**
 * Splits a TOML document into sections: the keys before the first table header, then one
 * section per header. Sections are the unit of parsing. A syntax error stays inside its
 * section, so the rest of a half-typed file is still read, and a keystroke only changes the
 * text of one section, so the sections around it can reuse their earlier parse.
 *
 * This is a scan, not a parse: it only needs to know where strings, comments and bracketed
 * values are, so that a `[` at the start of a line is known to open a header. After an edit
 * the scan restarts at the section before the change and stops as soon as it is back in step
 * with the previous scan, so a keystroke costs a section, not the file.
 */
import type { TextChange } from "../text-change";

export interface SectionSlice {
  readonly start: number;
  readonly end: number;
  /** The section starts with a table header line (every section but perhaps the first). */
  readonly header: boolean;
  /**
   * Where each key/value statement of the section starts, relative to the section's start.
   * When a section does not parse, its statements are parsed one by one, so one broken value
   * costs only its own statement.
   */
  readonly statements: readonly number[];
  /**
   * The statements (by relative start) whose arrays and inline tables nest deeper than
   * `MAX_NESTING`. They are reported without being parsed: the parser's time grows with the
   * square of the depth, and thousands of levels exhaust its stack.
   */
  readonly tooDeep: readonly number[];
  /**
   * The scan reached the section outside any bracket, so everything from here on depends on
   * the text from here on only: a later scan may restart or stop at this section. (A header
   * line that cuts an unclosed array short is not such a place.)
   */
  readonly clean: boolean;
}

/** Wrangler's TOML parser (smol-toml) rejects arrays and inline tables nested deeper. */
export const MAX_NESTING = 1000;
export const TOO_DEEP =
  `nested more than ${MAX_NESTING} levels deep; Wrangler rejects arrays and inline tables ` +
  "this deep, and nothing deeper is checked.";

/**
 * A header-shaped line inside an unclosed array is taken as a header anyway: its key starts
 * with a letter, `_` or `-`, and no array item can be a bare word (other than true, false,
 * inf, nan), so valid TOML never has such a line there. This stops one missing `]` from
 * swallowing the rest of the file.
 */
const HEADER_LIKE = /^[ \t]*\[\[?[ \t]*[A-Za-z_-][\w.\- \t"']*\]\]?[ \t]*(#.*)?\r?$/;
const VALUE_WORDS = /^[ \t]*\[\[?[ \t]*(true|false|inf|nan)[ \t]*\]/;
/** `key =` can never stand inside an array either, so it too ends an unclosed one. */
const KEY_LIKE = /^[ \t]*[\w"'-][\w.\- \t"']*=/;

const enum Mode {
  Code,
  Header,
  Basic,
  Literal,
  MultiBasic,
  MultiLiteral,
  Comment,
}

export function splitSections(text: string): SectionSlice[] {
  return scan(text, 0, () => false);
}

/**
 * The sections of `text`, which is `previous` (split into `slices`) changed by `change`:
 * sections before the change are kept, the changed ones scanned again, and the ones after it
 * kept at their new offsets.
 */
export function resplitSections(
  previous: readonly SectionSlice[],
  change: TextChange,
  text: string,
): Resplit {
  const delta = change.insertedEnd - change.removedEnd;
  // The last section whose header's `[` comes before the change and that the scan reached
  // outside any bracket: the text before the change alone decides that it starts there.
  let first = 0;
  for (let k = lastStartingBefore(previous, change.start); k > 0; k--) {
    const slice = previous[k]!;
    if (slice.clean && slice.start < change.start && bracketAt(text, slice.start) < change.start) {
      first = k;
      break;
    }
  }
  let resumeAt = previous.length;
  const backInStep = (start: number): boolean => {
    if (start < change.insertedEnd) return false;
    const k = sliceStartingAt(previous, start - delta);
    if (k === undefined || !previous[k]!.clean) return false;
    resumeAt = k;
    return true;
  };

  const scanned = scan(text, previous[first]!.start, backInStep);
  const slices = previous.slice(0, first);
  for (const slice of scanned) slices.push(slice);
  for (let k = resumeAt; k < previous.length; k++) {
    const { start, end, header, statements, tooDeep, clean } = previous[k]!;
    slices.push({ start: start + delta, end: end + delta, header, statements, tooDeep, clean });
  }
  return { slices, before: first, after: previous.length - resumeAt };
}

/** The sections after an edit, and how many at each end are the previous ones (moved). */
export interface Resplit {
  readonly slices: SectionSlice[];
  /** The first `before` sections are the previous version's first, at the same offsets. */
  readonly before: number;
  /** The last `after` sections are the previous version's last, moved by the edit. */
  readonly after: number;
}

/** Where a header line's `[` is, past any blanks before it. */
function bracketAt(text: string, lineBegin: number): number {
  let i = lineBegin;
  while (i < text.length && " \t\r".includes(text[i]!)) i++;
  return i;
}

/** The last slice that starts before `offset` (0 when none does). */
function lastStartingBefore(slices: readonly SectionSlice[], offset: number): number {
  let low = 0;
  let high = slices.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (slices[mid]!.start < offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function sliceStartingAt(slices: readonly SectionSlice[], start: number): number | undefined {
  let low = 0;
  let high = slices.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const at = slices[mid]!.start;
    if (at === start) return mid;
    if (at < start) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}

/**
 * Scans from `from`, the start of a clean section (or 0), to the end of the text or to the
 * first clean section for which `stopAt` says the rest is known; that section is not included.
 */
function scan(text: string, from: number, stopAt: (start: number) => boolean): SectionSlice[] {
  let current = newSlice(from, false, true);
  const sections = [current];
  let mode = Mode.Code;
  /** The open brackets of the current value, `[` (91) or `{` (123), innermost last. */
  const open: number[] = [];
  let lineStart = true;
  let end = text.length;

  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);

    if (c === 10 /* \n */) {
      // Single-line strings and comments end at the line's end, closed or not.
      if (mode !== Mode.MultiBasic && mode !== Mode.MultiLiteral) mode = Mode.Code;
      lineStart = true;
      continue;
    }

    if (lineStart && mode === Mode.Code) {
      if (c === 32 || c === 9 || c === 13) continue;
      lineStart = false;
      if (c === 91 /* [ */ && (open.length === 0 || lineMatches(text, i, HEADER_LIKE))) {
        const lineBegin = text.lastIndexOf("\n", i) + 1;
        const clean = open.length === 0;
        if (lineBegin > from && clean && stopAt(lineBegin)) {
          end = lineBegin;
          break;
        }
        const section = newSlice(lineBegin, true, clean || lineBegin === from);
        if (lineBegin > from) sections.push(section);
        else sections[0] = section;
        current = section;
        open.length = 0;
        mode = Mode.Header;
        continue;
      }
      if (
        c !== 35 /* # */ &&
        (open.length === 0 || (open.at(-1) === 91 && lineMatches(text, i, KEY_LIKE)))
      ) {
        current.statements.push(i - current.start);
        open.length = 0;
      }
    }
    lineStart = false;

    switch (mode) {
      case Mode.Code:
      case Mode.Header:
        if (c === 35 /* # */) mode = Mode.Comment;
        else if (c === 34 /* " */ || c === 39 /* ' */) {
          const triple = text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c;
          // A header's quoted key is always single-line; its brackets are not values.
          if (mode === Mode.Header) i = skipQuotedKey(text, i, c);
          else if (triple) {
            mode = c === 34 ? Mode.MultiBasic : Mode.MultiLiteral;
            i += 2;
          } else mode = c === 34 ? Mode.Basic : Mode.Literal;
        } else if (mode === Mode.Code) {
          if (c === 91 /* [ */ || c === 123 /* { */) {
            open.push(c);
            const statement = current.statements.at(-1);
            const known = current.tooDeep.at(-1) === statement;
            if (open.length > MAX_NESTING && statement !== undefined && !known)
              current.tooDeep.push(statement);
          } else if (c === 93 /* ] */ || c === 125 /* } */) open.pop();
        }
        break;
      case Mode.Basic:
        if (c === 92 /* \ */) i++;
        else if (c === 34) mode = Mode.Code;
        break;
      case Mode.Literal:
        if (c === 39) mode = Mode.Code;
        break;
      case Mode.MultiBasic:
        if (c === 92) i++;
        else if (c === 34 && text.startsWith('""', i + 1)) {
          i = endOfQuoteRun(text, i, 34);
          mode = Mode.Code;
        }
        break;
      case Mode.MultiLiteral:
        if (c === 39 && text.startsWith("''", i + 1)) {
          i = endOfQuoteRun(text, i, 39);
          mode = Mode.Code;
        }
        break;
      case Mode.Comment:
        break;
    }
  }

  sections.forEach((section, k) => (section.end = sections[k + 1]?.start ?? end));
  return sections as SectionSlice[];
}

/** A slice while the scan is still filling it in. */
interface Mutable {
  start: number;
  end: number;
  header: boolean;
  statements: number[];
  tooDeep: number[];
  clean: boolean;
}

function newSlice(start: number, header: boolean, clean: boolean): Mutable {
  return { start, end: 0, header, statements: [], tooDeep: [], clean };
}

function lineMatches(text: string, at: number, pattern: RegExp): boolean {
  const lineBegin = text.lastIndexOf("\n", at) + 1;
  let lineEnd = text.indexOf("\n", at);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineBegin, lineEnd);
  return pattern.test(line) && !VALUE_WORDS.test(line);
}

/** Returns the index of the closing quote of a quoted key in a header (or the line's end). */
function skipQuotedKey(text: string, open: number, quote: number): number {
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i - 1;
    if (quote === 34 && c === 92) i++;
    else if (c === quote) return i;
  }
  return text.length;
}

/** A multi-line string may end with up to two extra quotes that belong to its content. */
function endOfQuoteRun(text: string, at: number, quote: number): number {
  let end = at;
  while (end + 1 < text.length && text.charCodeAt(end + 1) === quote && end - at < 4) end++;
  return end;
}
