/**
 * Where things stand in the TOML layout, for fixes that must insert next to them: the table a
 * section opens, where its last statement ends, and how far an array-of-tables entry reaches
 * (its own section plus the sub-table sections after it, such as `[dispatch_namespaces.outbound]`).
 */
import {
  entryAt,
  type ConfigDocument,
  type ConfigValue,
  type Section,
  type Span,
  type TableValue,
} from "../../syntax/model";
import type { PathStep } from "../locate";
import { sameSpan } from "./edits";

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
