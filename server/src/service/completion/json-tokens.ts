/**
 * The tokens of a JSON configuration as jsonc-parser's scanner reads them, and what is typed at
 * the caret: the string, word or number completion replaces.
 */
import { createScanner, type JSONScanner } from "jsonc-parser";
import type { Span } from "../../syntax/model";

/**
 * jsonc-parser's token kinds, by value: its `SyntaxKind` is a const enum, which a module
 * compiled on its own (as esbuild and tsx compile) cannot read.
 */
export const Token = {
  openBrace: 1,
  closeBrace: 2,
  openBracket: 3,
  closeBracket: 4,
  comma: 5,
  colon: 6,
  null: 7,
  true: 8,
  false: 9,
  string: 10,
  number: 11,
  lineComment: 12,
  blockComment: 13,
  lineBreak: 14,
  trivia: 15,
  unknown: 16,
  eof: 17,
} as const;

/** jsonc-parser's `ScanError.UnexpectedEndOfString`: the line ended before the closing quote. */
const UNCLOSED_STRING = 2;

/** What was typed at the caret, as the span an item replaces. */
export interface Typed {
  /** The span starts with a quote. */
  readonly range: Span;
  readonly quoted: boolean;
}

/** Comments, line breaks and spaces. */
export function isTrivia(kind: number): boolean {
  return kind >= Token.lineComment && kind <= Token.trivia;
}

/**
 * What is typed at the caret: the string, word or number the caret is in or just after. Null
 * when the caret is in a comment, where nothing is offered.
 */
export function typedAt(
  scanner: JSONScanner,
  kind: number,
  text: string,
  offset: number,
): Typed | null | undefined {
  const start = scanner.getTokenOffset();
  const end = start + scanner.getTokenLength();
  if (start >= offset || end < offset) return undefined;
  if (kind === Token.lineComment) return null;
  if (kind === Token.blockComment) return offset < end ? null : undefined;
  if (kind === Token.string) {
    if (scanner.getTokenError() !== UNCLOSED_STRING) {
      return offset < end ? { range: { start, end }, quoted: true } : undefined;
    }
    // An unclosed string runs to the line's end; only the word at the caret belongs to it.
    const rest = /^[^\s"{}[\],:]*/.exec(text.slice(offset, end))![0];
    return { range: { start, end: offset + rest.length }, quoted: true };
  }
  if (
    kind === Token.unknown ||
    kind === Token.number ||
    (kind >= Token.null && kind <= Token.false)
  ) {
    return { range: { start, end }, quoted: false };
  }
  return undefined;
}

/** The kind of the first token from an offset, past spaces and comments. */
export function tokenAfter(text: string, offset: number): number {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  return scanner.scan();
}
