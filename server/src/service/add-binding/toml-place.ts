/**
 * Where a new header block goes in a TOML file, and how it is set off from its neighbours.
 * In an environment it goes after the environment's last section; at the top level after the
 * last top-level binding section, else before the first `[env.*]` section (its header comments
 * staying with it), else at the end. Comment lines that end a block stay with that block.
 */
import { findKind, isContainerKey } from "../../catalog";
import type { ConfigDocument, Section } from "../../syntax/model";
import type { Environment } from "../bindings";
import {
  indentAt,
  insertLinesAfter,
  lineStart,
  nextLineStart,
  type FixContext,
  type OffsetEdit,
} from "../quick-fixes/edits";
import { environmentEnd, statementsEnd } from "../quick-fixes/layout";
import { endOfLine, leadingCommentsStart, TOML_COMMENTS } from "./text-lines";

/** Where a block goes: after the line holding `after`, or before the line starting at `before`. */
export type Place =
  | { readonly after: number; readonly near?: Section }
  | { readonly before: number; readonly near?: undefined };

export function newBlockPlace(document: ConfigDocument, environment: Environment): Place {
  const text = document.text;
  const sections = document.sections;
  if (environment.name !== undefined) {
    const end = environmentEnd(document, environment.name);
    const near = sections.filter((s) => s.header && s.span.start <= end).at(-1);
    return { after: attachedEnd(text, end), near };
  }

  const firstEnv = sections.findIndex((section) => section.header?.path[0] === "env");
  const top = firstEnv < 0 ? sections : sections.slice(0, firstEnv);
  const lastBinding = top.filter(isBindingSection).at(-1);
  if (lastBinding) {
    const end = statementsEnd(document, lastBinding);
    return { after: attachedEnd(text, end), near: lastBinding };
  }
  if (firstEnv >= 0) {
    return {
      before: leadingCommentsStart(
        text,
        lineStart(text, sections[firstEnv]!.span.start),
        TOML_COMMENTS,
      ),
    };
  }
  const last = sections.at(-1);
  const written = last && (last.header || last.keys.length > 0);
  return { after: written ? attachedEnd(text, statementsEnd(document, last)) : text.length };
}

/** Inserts the block at its place, with a blank line on each side when `separate`. */
export function insertBlock(
  context: FixContext,
  place: Place,
  lines: readonly string[],
  separate: boolean,
): OffsetEdit {
  if ("after" in place) {
    // A file of nothing but blank lines gets no blank line above its first block.
    const blank = context.text.trim() === "";
    return insertLinesAfter(context, place.after, lines, separate && !blank);
  }
  const { text, eol } = context;
  const at = place.before;
  const previousBlank = at === 0 || text.slice(lineStart(text, at - 1), at).trim() === "";
  const before = separate && !previousBlank ? eol : "";
  return { start: at, end: at, newText: before + lines.join(eol) + eol + (separate ? eol : "") };
}

/** The indentation a new block takes from a section near it: its header's and its keys'. */
export function indentsNear(text: string, near: Section | undefined) {
  const header = near?.header ? indentAt(text, near.header.span.start) : "";
  const key = near?.keys[0] ? indentAt(text, near.keys[0].span.start) : header;
  return { header, key };
}

/**
 * The end of the comment lines right below a block's last statement, when a blank line (or
 * the end of the file) follows them: they belong to the block, and a new block goes after
 * them. Comments directly above the next header belong to it, and so does a commented-out
 * header (`# [[kv_namespaces]]`): the new block goes before those.
 */
export function attachedEnd(text: string, end: number): number {
  let result = end;
  let at = nextLineStart(text, end);
  while (at < text.length) {
    const line = text.slice(at, endOfLine(text, at)).trim();
    if (line === "") return result;
    if (!line.startsWith("#") || /^#\s*\[/.test(line)) return end;
    result = at;
    at = nextLineStart(text, at);
  }
  return result;
}

function isBindingSection(section: Section): boolean {
  const path = section.header?.path;
  if (!path || path[0] === "env") return false;
  return Boolean(findKind(path.join(".")) || findKind(path[0]!) || isContainerKey(path[0]!));
}
