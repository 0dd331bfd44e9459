/**
 * Reads a `wrangler.json` or `wrangler.jsonc` configuration into the same model as TOML, so
 * every check, and the catalog, apply unchanged. Wrangler reads both names as JSON with
 * comments and trailing commas; so does this.
 */
import { parseTree, printParseErrorCode, type Node, type ParseError } from "jsonc-parser";
import type { ConfigDocument, ConfigValue, Span, SyntaxProblem, TableValue } from "../model";

/** What each parse error means, in words; the parser only gives a code. */
const MESSAGES: Record<string, string> = {
  InvalidSymbol: "this is not a JSON value",
  InvalidNumberFormat: "this number is not written as JSON writes numbers",
  PropertyNameExpected: "a property name in double quotes is expected here",
  ValueExpected: "a value is expected here",
  ColonExpected: "a colon (:) is expected after the property name",
  CommaExpected: "a comma is expected between entries",
  CloseBraceExpected: "the object is not closed with }",
  CloseBracketExpected: "the array is not closed with ]",
  EndOfFileExpected: "nothing may follow the top-level object",
  InvalidCommentToken: "this comment is not closed",
  UnexpectedEndOfComment: "this comment is not closed",
  UnexpectedEndOfString: "this string is not closed",
  UnexpectedEndOfNumber: "this number is cut short",
  InvalidUnicode: "this \\u escape is not four hexadecimal digits",
  InvalidEscapeCharacter: "this escape sequence is not valid in JSON",
  InvalidCharacter: "this character must be escaped in a JSON string",
};

/**
 * How deep the model may nest. Every reader of the model (checks, hover, symbols) recurses once
 * per level, so a deeper model would exhaust their stack; what lies deeper is left out.
 */
const MAX_DEPTH = 1000;

export function parseJson(text: string): ConfigDocument {
  const errors: ParseError[] = [];
  let tree: Node | undefined;
  try {
    tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  } catch (error) {
    // The parser recurses once per level: thousands of levels exhaust its stack.
    if (!(error instanceof RangeError)) throw error;
    const message = "JSON syntax: the file is nested too deeply for the parser to read.";
    const problems = [{ span: { start: 0, end: text.length }, message }];
    return { format: "json", text, root: emptyRoot(text), problems, sections: [] };
  }
  const problems: SyntaxProblem[] = errors.map((error) => ({
    span: { start: error.offset, end: error.offset + Math.max(error.length, 1) },
    message: `JSON syntax: ${MESSAGES[printParseErrorCode(error.error)] ?? "unexpected text"}.`,
  }));

  const root = emptyRoot(text);
  if (tree?.type === "object") fillTable(root, tree, problems, 1);
  else if (tree) {
    problems.push({
      span: spanOf(tree),
      message: "JSON syntax: the configuration must be an object.",
    });
  }
  return { format: "json", text, root, problems, sections: [] };
}

function fillTable(table: TableValue, node: Node, problems: SyntaxProblem[], depth: number): void {
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode?.type !== "string" || !valueNode) continue;
    const key = String(keyNode.value);
    const value = toValue(valueNode, problems, depth);
    // `null` reads as "not set", as it does for Wrangler's optional fields.
    if (!value) continue;
    const earlier = table.entries.get(key);
    if (earlier) {
      problems.push({
        span: spanOf(keyNode),
        message: `JSON syntax: the property "${key}" is defined twice in this object; the last one wins, which is rarely what was meant.`,
        related: earlier.keySpan,
        tolerated: true,
      });
    }
    table.entries.set(key, { key, keySpan: spanOf(keyNode), value });
  }
}

/** The model of a value found `depth` levels down; what lies past `MAX_DEPTH` is left out. */
function toValue(node: Node, problems: SyntaxProblem[], depth: number): ConfigValue | undefined {
  const span = spanOf(node);
  const full = depth > MAX_DEPTH && (node.type === "object" || node.type === "array");
  if (full) {
    const message = `JSON syntax: nested more than ${MAX_DEPTH} levels deep; nothing deeper is checked.`;
    problems.push({ span, message, tolerated: true });
  }
  switch (node.type) {
    case "object": {
      const table: TableValue = { kind: "table", form: "object", entries: new Map(), span };
      if (!full) fillTable(table, node, problems, depth + 1);
      return table;
    }
    case "array": {
      const children = full ? [] : (node.children ?? []);
      const items = children.flatMap((child) => toValue(child, problems, depth + 1) ?? []);
      return { kind: "array", form: "inline", items, span };
    }
    case "string":
      return { kind: "string", value: String(node.value), span };
    case "number":
      return Number.isInteger(node.value)
        ? { kind: "integer", value: node.value as number, span }
        : { kind: "float", value: node.value as number, span };
    case "boolean":
      return { kind: "boolean", value: Boolean(node.value), span };
    default:
      return undefined;
  }
}

function emptyRoot(text: string): TableValue {
  return { kind: "table", form: "root", entries: new Map(), span: { start: 0, end: text.length } };
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}
