/**
 * Folding ranges: each table section from its header to its last line of content, each array
 * or table written with brackets over several lines, and each run of two or more comment lines.
 */
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver-types";
import type { ConfigDocument, ConfigValue, Span } from "../syntax/model";
import type { ParsedConfig } from "./index";
import type { LineIndex } from "./positions";

/** What the folding steps share while they walk one document. */
interface Folding {
  readonly document: ConfigDocument;
  readonly lines: LineIndex;
  /** The document's lines, without their line breaks. */
  readonly text: readonly string[];
  readonly ranges: FoldingRange[];
  /** Strings over several lines, whose lines are not comments whatever they start with. */
  readonly multiLineStrings: Span[];
}

export function foldingRanges(parsed: ParsedConfig): FoldingRange[] {
  const { document, lines } = parsed;
  const folding: Folding = {
    document,
    lines,
    text: document.text.split("\n"),
    ranges: [],
    multiLineStrings: [],
  };

  foldSections(folding);
  foldValue(folding, document.root);
  foldComments(folding);
  return outermostPerLine(folding.ranges);
}

const isBlank = (line: string | undefined) => line !== undefined && line.trim() === "";

function isComment(folding: Folding, line: number): boolean {
  const marker = folding.document.format === "json" ? "//" : "#";
  if (folding.text[line]?.trimStart().startsWith(marker) !== true) return false;
  const offset = folding.lines.offsetAt({ line, character: 0 });
  return !folding.multiLineStrings.some((span) => span.start < offset && offset < span.end);
}

/**
 * Each section ends at its last line of content. Blank lines at its end stay out, and so do
 * comment lines right above the next header: they introduce that header, not this section.
 */
function foldSections(folding: Folding): void {
  const { sections } = folding.document;
  for (const [i, section] of sections.entries()) {
    if (!section.header) continue;
    const first = folding.lines.positionAt(section.header.span.start).line;
    let last = folding.lines.positionAt(Math.max(section.span.start, section.span.end - 1)).line;

    if (i + 1 < sections.length && !isBlank(folding.text[last])) {
      while (last > first && isComment(folding, last)) last--;
    }
    while (last > first && isBlank(folding.text[last])) last--;
    if (last > first) folding.ranges.push({ startLine: first, endLine: last });
  }
}

/**
 * Folds bracketed arrays and tables that span lines; the closing bracket stays visible when it
 * starts its own line, as in JSON editors. Notes multi-line strings on the way.
 */
function foldValue(folding: Folding, value: ConfigValue): void {
  const { lines } = folding;
  const source = folding.document.text;
  // A JSON document's root spans the whole text, blank lines after its closing brace included.
  let end = value.span.end;
  while (end - 1 > value.span.start && /\s/.test(source[end - 1]!)) end--;
  const startLine = lines.positionAt(value.span.start).line;
  const closeLine = lines.positionAt(Math.max(value.span.start, end - 1)).line;

  if (value.kind === "string" && closeLine > startLine) folding.multiLineStrings.push(value.span);
  if (value.kind !== "array" && value.kind !== "table") return;

  if (hasBrackets(folding.document, value) && closeLine > startLine) {
    const lineStart = lines.offsetAt({ line: closeLine, character: 0 });
    const closerAlone = source.slice(lineStart, end - 1).trim() === "";
    const endLine = closerAlone ? closeLine - 1 : closeLine;
    if (endLine > startLine) folding.ranges.push({ startLine, endLine });
  }

  const children =
    value.kind === "array" ? value.items : [...value.entries.values()].map((entry) => entry.value);
  for (const child of children) foldValue(folding, child);
}

/** `[…]` and `{…}` in TOML; every array and object in JSON, the whole document included. */
function hasBrackets(document: ConfigDocument, value: ConfigValue): boolean {
  if (value.kind === "array") return value.form === "inline";
  if (value.kind !== "table") return false;
  if (document.format === "json") return value.form === "object" || value.form === "root";
  return value.form === "inline";
}

function foldComments(folding: Folding): void {
  let start = -1;
  for (let line = 0; line <= folding.text.length; line++) {
    if (line < folding.text.length && isComment(folding, line)) {
      if (start < 0) start = line;
      continue;
    }
    if (start >= 0 && line - 1 > start) {
      folding.ranges.push({ startLine: start, endLine: line - 1, kind: FoldingRangeKind.Comment });
    }
    start = -1;
  }
}

/** Editors keep one range per start line: the widest, which is also the outer one. */
function outermostPerLine(ranges: FoldingRange[]): FoldingRange[] {
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return ranges.filter((range, i) => i === 0 || ranges[i - 1]!.startLine !== range.startLine);
}
