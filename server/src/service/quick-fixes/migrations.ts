/**
 * Adds the `[[migrations]]` step that introduces a Durable Object class, as a SQLite-backed
 * class (what Cloudflare recommends for new classes). The step goes after the last existing one
 * with the next `vN` tag; without any, a first step goes right after the Durable Object entry.
 */
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import {
  entryAt,
  type ArrayValue,
  type ConfigDocument,
  type ConfigValue,
} from "../../syntax/model";
import { interpret, locate } from "../locate";
import {
  appendInline,
  insertLinesAfter,
  quickFix,
  sameSpan,
  spanOf,
  tomlKey,
  tomlLiteral,
  type FixContext,
  type OffsetEdit,
} from "./edits";
import { blockEnd, sectionWithHeader, statementsEnd } from "./layout";

export function addMigration(context: FixContext, diagnostic: Diagnostic): CodeAction | undefined {
  const span = spanOf(context, diagnostic);
  const located = locate(context.document, span.start);
  if (located?.on !== "value" || located.value.kind !== "string") return undefined;
  if (!sameSpan(located.span, span)) return undefined;
  const meaning = interpret(located.path);
  if (meaning.kind?.key !== "durable_objects.bindings" || meaning.field?.name !== "class_name") {
    return undefined;
  }
  const className = located.value.value;

  const migrations = migrationsFor(context.document, meaning.env);
  let edit: OffsetEdit | undefined;
  if (!migrations) edit = firstMigration(context, span.start, className);
  else if (migrations.value.kind === "array") {
    edit = nextMigration(context, migrations.value, migrations.prefix, className);
  }
  const title = `Add a [[migrations]] step that introduces "${className}"`;
  return edit && quickFix(context, title, diagnostic, [edit], true);
}

/**
 * The migrations that count for an environment, as the check reads them: its own when it has
 * them, else the top level's; `prefix` is what a new `[[…migrations]]` header starts with.
 */
export function migrationsFor(
  document: ConfigDocument,
  env: string | undefined,
): { readonly value: ConfigValue; readonly prefix: string } | undefined {
  const root = document.root;
  const own = env === undefined ? undefined : entryAt(root, ["env", env, "migrations"]);
  if (own) return { value: own.value, prefix: `env.${tomlKey(env!)}.` };
  const top = root.entries.get("migrations");
  return top && { value: top.value, prefix: "" };
}

/** The next step after the last one: one more inline item, or a block after the last one. */
export function nextMigration(
  context: FixContext,
  migrations: ArrayValue,
  prefix: string,
  className: string,
): OffsetEdit | undefined {
  const tag = tomlLiteral(nextTag(migrations.items));
  const classes = `[${tomlLiteral(className)}]`;
  const last = migrations.items.at(-1);

  if (migrations.form === "inline") {
    const item = `{ tag = ${tag}, new_sqlite_classes = ${classes} }`;
    return appendInline(context.text, migrations.span, last?.span.end, [item]);
  }
  const section = last?.kind === "table" && sectionWithHeader(context.document, last.header);
  if (!section) return undefined;
  const lines = [`[[${prefix}migrations]]`, `tag = ${tag}`, `new_sqlite_classes = ${classes}`];
  return insertLinesAfter(context, blockEnd(context.document, section), lines, true);
}

/** No migrations yet: the first step, at the top level, after the Durable Object's entry. */
export function firstMigration(context: FixContext, at: number, className: string): OffsetEdit {
  const document = context.document;
  // The section holding the class name: the entry's own `[[…]]` block, or the table whose
  // inline list holds it. A new header after its last statement takes none of its keys.
  const section = document.sections.filter((s) => s.span.start <= at).at(-1)!;
  const end = section.header?.array
    ? blockEnd(document, section)
    : statementsEnd(document, section);
  return insertLinesAfter(context, end, firstMigrationLines(className), true);
}

/** The lines of a first, top-level `[[migrations]]` step that introduces the class. */
export function firstMigrationLines(className: string): string[] {
  return ["[[migrations]]", 'tag = "v1"', `new_sqlite_classes = [${tomlLiteral(className)}]`];
}

/** `v1`, `v2`…: one past the highest `vN` tag, or one past the number of steps. */
export function nextTag(steps: readonly ConfigValue[]): string {
  const tags = new Set<string>();
  for (const step of steps) {
    const tag = step.kind === "table" ? step.entries.get("tag")?.value : undefined;
    if (tag?.kind === "string") tags.add(tag.value);
  }
  const numbers = [...tags].flatMap((tag) => /^v(\d+)$/i.exec(tag)?.[1] ?? []).map(Number);
  let next = numbers.length > 0 ? Math.max(...numbers) + 1 : steps.length + 1;
  while (tags.has(`v${next}`)) next++;
  return `v${next}`;
}
