/**
 * A forgiving TOML tokenizer for the text of one section. Completion reads the text rather than
 * the model because the model drops a statement that does not parse, and the statement being
 * typed rarely parses. Strings and comments end at the line's end when unclosed, as the section
 * splitter assumes, so a half-typed value never swallows the lines after it.
 */

export type Token =
  | { readonly type: "word"; readonly start: number; readonly end: number; readonly text: string }
  | {
      readonly type: "string";
      readonly start: number;
      readonly end: number;
      /** The content between the quotes, escapes left as written. */
      readonly text: string;
      readonly closed: boolean;
      readonly multiline: boolean;
    }
  | { readonly type: "punct"; readonly start: number; readonly end: number; readonly text: Punct }
  | { readonly type: "newline" | "comment"; readonly start: number; readonly end: number };

export type Punct = "[" | "]" | "{" | "}" | "=" | "," | ".";

const PUNCTUATION = new Set<string>(["[", "]", "{", "}", "=", ",", "."]);
/**
 * Whitespace the tokenizer skips: TOML's space and tab, and every other character a regular
 * expression calls whitespace (a no-break space pasted from a web page, a form feed). Those
 * also end a word, so a word could not start at one and the tokenizer would stand still.
 */
const BLANK = /[^\S\n]/;
/** Ends a bare word: whitespace, punctuation, quotes and comments. */
const WORD_END = /[\s[\]{}=,."'#]/;

export function* tokenize(text: string, from: number, to: number): Generator<Token> {
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === "\n") {
      yield { type: "newline", start: i, end: ++i };
    } else if (BLANK.test(c)) {
      i++;
    } else if (c === "#") {
      const end = lineEnd(text, i, to);
      yield { type: "comment", start: i, end };
      i = end;
    } else if (c === '"' || c === "'") {
      const token = quoted(text, i, to, c);
      yield token;
      i = token.end;
    } else if (PUNCTUATION.has(c)) {
      yield { type: "punct", start: i, end: ++i, text: c as Punct };
    } else {
      const start = i;
      while (i < to && !WORD_END.test(text[i]!)) i++;
      yield { type: "word", start, end: i, text: text.slice(start, i) };
    }
  }
}

function quoted(text: string, start: number, to: number, quote: string): Token {
  const triple = quote.repeat(3);
  if (text.startsWith(triple, start)) {
    const close = text.indexOf(triple, start + 3);
    const end = close < 0 || close >= to ? to : close + 3;
    const body = text.slice(start + 3, close < 0 ? to : close);
    return { type: "string", start, end, text: body, closed: close >= 0, multiline: true };
  }

  const stop = lineEnd(text, start, to);
  for (let i = start + 1; i < stop; i++) {
    // Only basic (double-quoted) strings have escapes; a literal string ends at its quote.
    if (quote === '"' && text[i] === "\\") i++;
    else if (text[i] === quote) {
      const body = text.slice(start + 1, i);
      return { type: "string", start, end: i + 1, text: body, closed: true, multiline: false };
    }
  }
  const body = text.slice(start + 1, stop).trimEnd();
  const end = start + 1 + body.length;
  return { type: "string", start, end, text: body, closed: false, multiline: false };
}

/** The end of the line holding `at`, before a `\r\n` or `\n`, capped at `to`. */
export function lineEnd(text: string, at: number, to = text.length): number {
  const newline = text.indexOf("\n", at);
  const end = newline < 0 || newline > to ? to : newline;
  return text[end - 1] === "\r" ? end - 1 : end;
}

export function lineStart(text: string, at: number): number {
  return text.lastIndexOf("\n", at - 1) + 1;
}

/** A key written bare or quoted, as TOML allows, turned into its name. */
export function keyName(token: Token): string | undefined {
  if (token.type === "word") return token.text;
  if (token.type === "string" && !token.multiline) return token.text;
  return undefined;
}
