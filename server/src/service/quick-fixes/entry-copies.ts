/**
 * A binding entry rewritten for another place in the file. An entry written under headers is
 * copied as written (comments included), with `env.NAME.` put in front of each header path; an
 * inline entry becomes a header block of its `key = value` statements, and a header entry an
 * inline table, when the place it goes to is written the other way.
 */
import { entryAt, type TableValue } from "../../syntax/model";
import { lineStart, type FixContext } from "./edits";
import { blockEnd, blockSections, sectionWithHeader } from "./layout";

/**
 * The entry as a header block below `prefix` (`env.staging.`), one string per line; `header`
 * is the key path to use when the entry has no header of its own (`kv_namespaces`).
 */
export function asHeaderBlock(
  context: FixContext,
  table: TableValue,
  prefix: string,
  header: { readonly path: string; readonly array: boolean },
): string[] | undefined {
  if (table.form === "header") {
    const section = sectionWithHeader(context.document, table.header);
    if (!section) return undefined;
    const start = lineStart(context.text, section.header!.span.start);
    let copy = context.text.slice(start, blockEnd(context.document, section));
    // Insert the prefix back to front, so earlier offsets stay valid.
    for (const inner of blockSections(context.document, section).reverse()) {
      const at = inner.header!.pathSpans[0]!.start - start;
      copy = copy.slice(0, at) + prefix + copy.slice(at);
    }
    return copy.split(/\r?\n/);
  }
  if (table.form !== "inline") return undefined;
  const statements = inlineStatements(context, table);
  if (!statements) return undefined;
  const [open, close] = header.array ? ["[[", "]]"] : ["[", "]"];
  return [`${open}${prefix}${header.path}${close}`, ...statements];
}

/** The entry as an inline table `{ … }`, or nothing when it has sub-tables or spans lines. */
export function asInlineTable(context: FixContext, table: TableValue): string | undefined {
  if (table.form === "inline") return context.text.slice(table.span.start, table.span.end);
  if (table.form !== "header") return undefined;
  const section = sectionWithHeader(context.document, table.header);
  if (!section || blockSections(context.document, section).length > 1) return undefined;
  const statements = section.keys.map((key) => {
    const end = entryAt(table, key.path)?.value.span.end ?? key.span.end;
    return context.text.slice(key.span.start, end);
  });
  if (statements.some((statement) => statement.includes("\n"))) return undefined;
  return statements.length > 0 ? `{ ${statements.join(", ")} }` : "{}";
}

/** The `key = value` statements of an inline table, as written. */
function inlineStatements(context: FixContext, table: TableValue): string[] | undefined {
  const statements: string[] = [];
  for (const entry of table.entries.values()) {
    // `{ a.b = 1, a.c = 2 }` spreads one entry over two statements: not worth untangling.
    if (entry.value.kind === "table" && entry.value.form === "dotted") return undefined;
    statements.push(context.text.slice(entry.keySpan.start, entry.value.span.end));
  }
  return statements;
}
