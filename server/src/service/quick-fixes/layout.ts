/**
 * Where things stand in the TOML layout, for fixes that must insert next to them: the table a
 * section opens, where its last statement ends, and how far an array-of-tables entry reaches
 * (its own section plus the sub-table sections after it, such as `[dispatch_namespaces.outbound]`).
 */
import {
  entryAt,
  type ConfigDocument,
  type ConfigValue,
  type Entry,
  type Section,
  type SectionKey,
  type Span,
  type TableValue,
} from "../../syntax/model";
import type { PathStep } from "../locate";
import {
  appendInline,
  indentAt,
  insertLinesAfter,
  sameSpan,
  type FixContext,
  type OffsetEdit,
} from "./edits";

/**
 * The table a section's keys go into: the root, a `[table]`, or one `[[array]]` item. On the
 * way, an array of tables stands for its latest item above the section, as in TOML.
 */
export function sectionTable(document: ConfigDocument, section: Section): TableValue | undefined {
  const header = section.header;
  if (!header) return document.root;
  let current: ConfigValue | undefined = document.root;
  for (const [i, name] of header.path.entries()) {
    let value: ConfigValue | undefined =
      current?.kind === "table" ? current.entries.get(name)?.value : undefined;
    if (value?.kind === "array") {
      const last = i === header.path.length - 1;
      const items: ConfigValue[] = value.items.filter(
        (item) => item.kind === "table" && item.header && item.header.start <= header.span.start,
      );
      value = last
        ? items.find((item) => sameSpan(table(item)?.header, header.span))
        : items.at(-1);
    }
    current = value;
  }
  const found = table(current);
  return found && sameSpan(found.header, header.span) ? found : undefined;
}

function table(value: ConfigValue | undefined): TableValue | undefined {
  return value?.kind === "table" ? value : undefined;
}

/**
 * Where the section's last statement ends (a multi-line value included), or its header's end
 * when it has no keys. Comments and blank lines after it are left to whatever follows.
 */
export function statementsEnd(document: ConfigDocument, section: Section): number {
  const table = sectionTable(document, section);
  let end = section.header?.span.end ?? section.span.start;
  for (const key of section.keys) {
    const valueEnd = table ? entryAt(table, key.path)?.value.span.end : undefined;
    end = Math.max(end, valueEnd ?? key.span.end);
  }
  return end;
}

/** The `key = value` statement that writes an entry, and the section it stands in. */
export function statementOf(
  document: ConfigDocument,
  entry: Entry,
): { readonly section: Section; readonly key: SectionKey } | undefined {
  for (const section of document.sections) {
    const table = sectionTable(document, section);
    const key = table && section.keys.find((k) => entryAt(table, k.path) === entry);
    if (key) return { section, key };
  }
  return undefined;
}

/** The end of an array-of-tables entry's statements, its sub-table sections included. */
export function blockEnd(document: ConfigDocument, section: Section): number {
  return Math.max(...blockSections(document, section).map((s) => statementsEnd(document, s)));
}

/** The sections from a block's header to its last sub-table, in document order. */
export function blockSections(document: ConfigDocument, section: Section): Section[] {
  const sections = document.sections;
  const path = section.header?.path ?? [];
  const block = [section];
  for (let i = sections.indexOf(section) + 1; i < sections.length; i++) {
    const inner = sections[i]!.header;
    if (!inner || inner.path.length <= path.length || !startsWith(inner.path, path)) break;
    block.push(sections[i]!);
  }
  return block;
}

export function sectionWithHeader(document: ConfigDocument, header: Span | undefined) {
  return document.sections.find((section) => sameSpan(section.header?.span, header));
}

/** The section whose header names exactly this path (`[env.staging]`), if one does. */
export function sectionAt(document: ConfigDocument, path: readonly string[]) {
  return document.sections.find((section) => section.header && samePath(section.header.path, path));
}

export function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((part, i) => path[i] === part);
}

export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && startsWith(a, b);
}

/** Every table in the model with its path from the root, depth first. */
export function* tablesIn(
  value: ConfigValue,
  path: PathStep[] = [],
): Generator<{ table: TableValue; path: PathStep[] }> {
  if (value.kind === "table") {
    yield { table: value, path };
    for (const entry of value.entries.values()) yield* tablesIn(entry.value, [...path, entry.key]);
  } else if (value.kind === "array") {
    for (const [i, item] of value.items.entries()) yield* tablesIn(item, [...path, i]);
  }
}

/** Where the environment's last section ends, or the end of the file when it has none. */
export function environmentEnd(document: ConfigDocument, env: string): number {
  const sections = document.sections.filter(
    (section) => section.header && startsWith(section.header.path, ["env", env]),
  );
  const last = sections.at(-1);
  return last ? statementsEnd(document, last) : document.text.length;
}

/**
 * Adds `key = value` statements to a table: after its last statement when it has a header
 * (indented like it) or is the top level with keys of its own, or after the last item of an
 * inline table. Nothing for other forms.
 */
export function addStatements(
  context: FixContext,
  table: TableValue,
  statements: readonly string[],
): OffsetEdit | undefined {
  if (table.form === "inline") {
    if (statements.some((statement) => statement.includes("\n"))) return undefined;
    const ends = [...table.entries.values()].map((entry) => entry.value.span.end);
    const lastEnd = ends.length > 0 ? Math.max(...ends) : undefined;
    return appendInline(context.text, table.span, lastEnd, statements);
  }
  const section =
    table.form === "root"
      ? context.document.sections.find((s) => !s.header && s.keys.length > 0)
      : table.form === "header" && sectionWithHeader(context.document, table.header);
  if (!section) return undefined;
  const end = statementsEnd(context.document, section);
  const indent = indentAt(context.text, section.keys.at(-1)?.span.start ?? end);
  return insertLinesAfter(
    context,
    end,
    statements.map((statement) => indent + statement),
    false,
  );
}
