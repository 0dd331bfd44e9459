/**
 * Parses one section with toml-eslint-parser. A valid section is parsed in one call; a broken
 * one is parsed again statement by statement, so that every statement that is fine still
 * reaches the model and each broken one gives a located error. Results are relative to the
 * section's start and depend only on its text, which is what lets them be reused across edits.
 */
import { parseTOML, ParseError, type AST } from "toml-eslint-parser";
import { quickRead } from "./quick-read";
import { TOO_DEEP, type SectionSlice } from "./sections";

/** A piece of the section parsed on its own, `offset` characters after the section's start. */
export interface ParsedUnit {
  readonly offset: number;
  readonly body: readonly (AST.TOMLKeyValue | AST.TOMLTable)[];
}

export interface RelativeProblem {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface ParsedSection {
  /** The header, parsed; absent for the first section and for a header that does not parse. */
  readonly header?: AST.TOMLTable;
  /** Where the header's closing bracket ends, relative to the section. */
  readonly headerEnd: number;
  /** The header line is there but broken: its keys belong to no known table. */
  readonly headerBroken: boolean;
  readonly units: readonly ParsedUnit[];
  readonly problems: readonly RelativeProblem[];
  readonly commentedHeaders: readonly {
    readonly path: string[];
    readonly start: number;
    readonly end: number;
  }[];
}

/** TOML 1.1 is what current Wrangler reads (through smol-toml). */
const PARSER_OPTIONS = { tomlVersion: "1.1.0" } as const;

/**
 * A comment that is a table header with `#` in front, such as `# [[r2_buckets]]`. The keys
 * below it land in the previous table, which is worth a word when they look misplaced.
 */
const COMMENTED_HEADER =
  /^[ \t]*#[ \t]*(?:\[\[[ \t]*([\w.-]+)[ \t]*\]\]|\[[ \t]*([\w.-]+)[ \t]*\])[ \t]*\r?$/gm;

/**
 * `quick`: plain sections are read by `quickRead`, which gives the same in a fraction of the
 * time; off, every section goes to the parser (the test that holds the two to each other).
 */
export function parseSection(text: string, slice: SectionSlice, quick = true): ParsedSection {
  const commentedHeaders = findCommentedHeaders(text);
  const read = quick && slice.tooDeep.length === 0 ? quickRead(text, slice.header) : undefined;
  if (read) return { ...read, commentedHeaders };
  const whole = slice.tooDeep.length > 0 ? new Unreadable(text, TOO_DEEP) : tryParse(text);
  if (!(whole instanceof Error)) {
    const body = whole.body[0].body;
    const first = body[0];
    if (slice.header && first?.type === "TOMLTable") {
      return {
        header: first,
        headerEnd: closingBracketEnd(text, first),
        headerBroken: false,
        units: [{ offset: 0, body: first.body }],
        problems: [],
        commentedHeaders,
      };
    }
    return {
      headerBroken: false,
      headerEnd: 0,
      units: [{ offset: 0, body }],
      problems: [],
      commentedHeaders,
    };
  }
  return parseByStatement(text, slice, whole, commentedHeaders);
}

function parseByStatement(
  text: string,
  slice: SectionSlice,
  wholeError: ParseFailure,
  commentedHeaders: ParsedSection["commentedHeaders"],
): ParsedSection {
  const problems: RelativeProblem[] = [];
  const units: ParsedUnit[] = [];
  let header: ParsedSection["header"];
  let headerBroken = false;

  if (slice.header) {
    const lineEnd = text.indexOf("\n");
    const line = lineEnd < 0 ? text : text.slice(0, lineEnd);
    const parsed = tryParse(line);
    const table = parsed instanceof Error ? undefined : parsed.body[0].body[0];
    if (table?.type === "TOMLTable") header = table;
    else {
      headerBroken = true;
      if (parsed instanceof Error) problems.push(problemAt(line, 0, parsed));
    }
  }

  const starts = slice.statements;
  starts.forEach((start, k) => {
    const unitText = text.slice(start, starts[k + 1] ?? text.length);
    const deep = slice.tooDeep.includes(start);
    const parsed = deep ? new Unreadable(unitText, TOO_DEEP) : tryParse(unitText);
    if (parsed instanceof Error) problems.push(problemAt(unitText, start, parsed));
    else units.push({ offset: start, body: parsed.body[0].body });
  });

  // Statement by statement, a section can parse where the whole did not: two definitions of
  // one key are each fine alone. The model builder reports those, with both places; anything
  // else the whole-section parser saw must not be lost.
  if (problems.length === 0 && !isDuplicateKey(wholeError)) {
    problems.push(problemAt(text, 0, wholeError));
  }
  const headerEnd = header ? closingBracketEnd(text, header) : 0;
  return { header, headerEnd, headerBroken, units, problems, commentedHeaders };
}

function closingBracketEnd(text: string, table: AST.TOMLTable): number {
  const close = text.indexOf("]", table.key.range[1]);
  return close < 0 ? table.key.range[1] : close + (table.kind === "array" ? 2 : 1);
}

/**
 * A statement that is not read: one nested too deeply to hand to the parser, or one the parser
 * gave up on without a ParseError. It recurses once per level of nesting and spreads a string's
 * characters into one call, so one string of more than about 125,000 characters exhausts its
 * stack. Located like running out of text, so the problem covers the whole statement.
 */
class Unreadable extends Error {
  readonly index: number;

  constructor(text: string, reason: string) {
    super(reason);
    this.index = text.length;
  }
}

const TOO_LARGE = "The statement holds a string too long for the parser to read.";

type ParseFailure = ParseError | Unreadable;

function tryParse(text: string): AST.TOMLProgram | ParseFailure {
  try {
    const program = parseTOML(text, PARSER_OPTIONS);
    // Parses are kept across edits, and every node leads up to the program: its token and
    // comment lists, which nothing here reads, would be a third of the server's memory.
    program.tokens = [];
    program.comments = [];
    return program;
  } catch (error) {
    if (error instanceof ParseError) return error;
    if (error instanceof RangeError) return new Unreadable(text, TOO_LARGE);
    // The parser only throws ParseError for bad input; anything else is a bug to surface.
    throw error;
  }
}

function isDuplicateKey(error: ParseFailure): boolean {
  return error.message.startsWith("Defining a key multiple times");
}

/**
 * Locates a parse error: from the offending character to the end of its token or, when the
 * parser ran out of text (an unfinished value), over the whole unfinished statement.
 */
function problemAt(text: string, offset: number, error: ParseFailure): RelativeProblem {
  // Trimmed of TOML's whitespace only: JavaScript's trim also takes characters TOML rejects
  // (a no-break space, U+2028), and a text of only those would get a span that ends first.
  const trimmedEnd = text.replace(/[ \t\r\n]+$/, "").length;
  const at = Math.min(error.index, text.length);
  if (at >= trimmedEnd) {
    const start = text.length - text.replace(/^[ \t\r\n]+/, "").length;
    return { start: offset + start, end: offset + trimmedEnd, message: describe(error) };
  }
  let end = at;
  while (end < trimmedEnd && !/[\s,\]}=]/.test(text[end]!)) end++;
  return { start: offset + at, end: offset + Math.max(end, at + 1), message: describe(error) };
}

function describe(error: ParseFailure): string {
  const message = error.message.replace(/\.$/, "");
  return `TOML syntax: ${message.charAt(0).toLowerCase()}${message.slice(1)}.`;
}

function findCommentedHeaders(text: string): ParsedSection["commentedHeaders"] {
  const found: { path: string[]; start: number; end: number }[] = [];
  if (!text.includes("#")) return found;
  for (const match of text.matchAll(COMMENTED_HEADER)) {
    const end = match.index + match[0].trimEnd().length;
    found.push({ path: (match[1] ?? match[2]!).split("."), start: match.index, end });
  }
  return found;
}
