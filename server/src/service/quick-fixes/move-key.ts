/**
 * The TOML trap: a top-level setting written below a table header belongs to that table. This
 * fix moves the whole statement, as written, to where it was meant: after the keys before the
 * first header or, for one written below an environment's table (`[env.staging.vars]`), into
 * that environment's own `[env.staging]` table, since the author was writing that environment.
 */
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import { findConfigKey, findKind } from "../../catalog";
import { entryAt, type ConfigDocument, type Section, type SectionKey } from "../../syntax/model";
import {
  indentAt,
  insertLinesAfter,
  lineStart,
  nextLineStart,
  quickFix,
  sameSpan,
  spanOf,
  type FixContext,
  type OffsetEdit,
} from "./edits";
import { sectionAt, sectionTable, statementsEnd } from "./layout";

export function moveMisplacedKey(
  context: FixContext,
  diagnostic: Diagnostic,
): CodeAction | undefined {
  const span = spanOf(context, diagnostic);
  const document = context.document;
  const section = document.sections.find((s) => s.keys.some((key) => sameSpan(key.span, span)));
  const header = section?.header;
  const key = section?.keys.find((k) => sameSpan(k.span, span));
  // The other misplaced-key cases (keys after a commented-out header) are not settings.
  if (!section || !header || !key || !isSetting(key.path[0]!)) return undefined;

  const removal = statementLines(context, section, key);
  if (!removal) return undefined;
  const statement = context.text.slice(key.span.start, removal.statementEnd);

  const env = header.path[0] === "env" && header.path.length > 2 ? header.path[1] : undefined;
  const insertion = env
    ? intoSection(context, sectionAt(document, ["env", env]), statement)
    : aboveFirstHeader(context, document, statement);
  if (!insertion) return undefined;

  const where = env ? `into [env.${env}]` : "above the first table header";
  const title = `Move "${key.path.join(".")}" ${where}`;
  return quickFix(context, title, diagnostic, [removal.edit, insertion], true);
}

/** A current setting or binding kind, as the scoping check decides what is misplaced. */
function isSetting(name: string): boolean {
  return name !== "env" && (findKind(name) !== undefined || findConfigKey(name) !== undefined);
}

/**
 * The statement's whole lines, when nothing but indentation comes before it and nothing but a
 * comment after it: removing them leaves every other line as it was.
 */
function statementLines(context: FixContext, section: Section, key: SectionKey) {
  const text = context.text;
  const table = sectionTable(context.document, section);
  const valueEnd = table && entryAt(table, key.path)?.value.span.end;
  if (valueEnd === undefined) return undefined;

  const start = lineStart(text, key.span.start);
  const next = nextLineStart(text, valueEnd);
  const after = text.slice(valueEnd, next).replace(/\r?\n$/, "");
  if (text.slice(start, key.span.start).trim() !== "" || !/^[ \t]*(#.*)?$/.test(after)) {
    return undefined;
  }
  const statementEnd = valueEnd + after.length;
  // On a last line without a line ending, take the one before it instead, so none is left over.
  const removedStart =
    next === text.length && !text.endsWith("\n") ? previousLineEnd(text, start) : start;
  const edit: OffsetEdit = { start: removedStart, end: next, newText: "" };
  return { edit, statementEnd };
}

function previousLineEnd(text: string, start: number): number {
  if (start === 0) return 0;
  return text[start - 2] === "\r" ? start - 2 : start - 1;
}

function aboveFirstHeader(
  context: FixContext,
  document: ConfigDocument,
  statement: string,
): OffsetEdit | undefined {
  const first = document.sections[0];
  if (first && !first.header && first.keys.length > 0)
    return intoSection(context, first, statement);

  // No top-level keys: before the first header and the comment lines that introduce it.
  const header = document.sections.find((s) => s.header)?.header;
  if (!header) return undefined;
  const text = context.text;
  let at = lineStart(text, header.span.start);
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    if (!/^[ \t]*#/.test(text.slice(previous, at))) break;
    at = previous;
  }
  const { eol } = context;
  return { start: at, end: at, newText: statement + eol + eol };
}

function intoSection(
  context: FixContext,
  section: Section | undefined,
  statement: string,
): OffsetEdit | undefined {
  if (!section) return undefined;
  const end = statementsEnd(context.document, section);
  const indent = indentAt(context.text, section.keys.at(-1)?.span.start ?? end);
  return insertLinesAfter(context, end, [indent + statement], false);
}
