/**
 * What every quick fix shares: the document being fixed, edits in document offsets, the file's
 * own line ending, and the step that turns edits into a code action once they are known to be
 * safe. A fix that cannot be computed safely returns nothing, and nothing is offered.
 */
import {
  CodeActionKind,
  TextEdit,
  type CodeAction,
  type Diagnostic,
} from "vscode-languageserver-types";
import type { ConfigDocument, Span } from "../../syntax/model";
import { parseJson } from "../../syntax/json";
import { parseToml } from "../../syntax/toml";
import type { ParsedConfig } from "../index";

export interface FixContext {
  readonly parsed: ParsedConfig;
  readonly document: ConfigDocument;
  readonly text: string;
  readonly uri: string;
  /** The file's line ending: inserted lines use it, so a CRLF file stays CRLF. */
  readonly eol: string;
}

/** An edit in document offsets; converted to an LSP text edit when the action is built. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** A quick fix for one diagnostic; undefined when none can be offered. */
export type Fix = (context: FixContext, diagnostic: Diagnostic) => CodeAction | undefined;

export function fixContext(parsed: ParsedConfig, uri: string): FixContext {
  const text = parsed.document.text;
  const newline = text.indexOf("\n");
  const eol = newline > 0 && text[newline - 1] === "\r" ? "\r\n" : "\n";
  return { parsed, document: parsed.document, text, uri, eol };
}

export function spanOf(context: FixContext, diagnostic: Diagnostic): Span {
  const lines = context.parsed.lines;
  return {
    start: lines.offsetAt(diagnostic.range.start),
    end: lines.offsetAt(diagnostic.range.end),
  };
}

export function sameSpan(a: Span | undefined, b: Span | undefined): boolean {
  return a !== undefined && b !== undefined && a.start === b.start && a.end === b.end;
}

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The start of the line after the one holding `offset` (the text's end on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const newline = text.indexOf("\n", offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The spaces and tabs that open the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/**
 * Inserts whole lines after the line holding `offset` (after any comment on it). A `separate`
 * block gets a blank line before it, and after it when a line follows directly. On a last line
 * without a line ending, the lines go after a new one and the file still ends without.
 */
export function insertLinesAfter(
  context: FixContext,
  offset: number,
  lines: readonly string[],
  separate: boolean,
): OffsetEdit {
  const { text, eol } = context;
  const at = nextLineStart(text, offset);
  const block = lines.join(eol);
  const before = separate ? eol : "";
  if (at === text.length && text.length > 0 && !text.endsWith("\n")) {
    return { start: at, end: at, newText: eol + before + block };
  }
  const followed = at < text.length && text.slice(at, nextLineStart(text, at)).trim() !== "";
  const after = separate && followed ? eol : "";
  return { start: at, end: at, newText: before + block + eol + after };
}

/** A TOML key segment, quoted only when it must be. */
export function tomlKey(name: string): string {
  return /^[A-Za-z0-9_-]+$/.test(name) ? name : JSON.stringify(name);
}

/** A value as TOML writes it; JSON's string escapes are all valid in a TOML basic string. */
export function tomlLiteral(value: string | number | boolean): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * Builds the code action, or nothing when the edits would leave the file with more syntax
 * problems than it had: a last guard against a fix that misjudged the layout around it.
 */
export function quickFix(
  context: FixContext,
  title: string,
  diagnostic: Diagnostic,
  edits: readonly OffsetEdit[],
  preferred = false,
): CodeAction | undefined {
  if (edits.length === 0 || !keepsSyntax(context, edits)) return undefined;
  const lines = context.parsed.lines;
  const changes = edits.map((edit) => TextEdit.replace(lines.rangeOf(edit), edit.newText));
  const action: CodeAction = {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [context.uri]: changes } },
  };
  if (preferred) action.isPreferred = true;
  return action;
}

function keepsSyntax(context: FixContext, edits: readonly OffsetEdit[]): boolean {
  const ordered = [...edits].sort((a, b) => b.start - a.start);
  let text = context.text;
  let limit = Infinity;
  for (const edit of ordered) {
    if (edit.end > limit || edit.start > edit.end) return false;
    text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    limit = edit.start;
  }
  // Reusing the sections the edits leave alone keeps this check from parsing the whole file
  // again for every fix offered; a JSON document is read whole.
  const after =
    context.document.format === "json"
      ? parseJson(text)
      : parseToml(text, context.parsed.reuse).document;
  return after.problems.length <= context.document.problems.length;
}

/**
 * Adds items to an inline array or table: after its last item (pass where that ends), or
 * inside its empty brackets. Nothing when the brackets hold something else, such as a comment.
 */
export function appendInline(
  text: string,
  container: Span,
  lastItemEnd: number | undefined,
  items: readonly string[],
): OffsetEdit | undefined {
  const list = items.join(", ");
  if (lastItemEnd !== undefined) {
    return { start: lastItemEnd, end: lastItemEnd, newText: `, ${list}` };
  }
  const inner = { start: container.start + 1, end: container.end - 1 };
  if (text.slice(inner.start, inner.end).trim() !== "") return undefined;
  return { ...inner, newText: text[container.start] === "{" ? ` ${list} ` : list };
}
