/**
 * Environments do not inherit bindings, so a binding bound at the top level is missing from an
 * environment that does not repeat it. These fixes copy the top-level entries into the
 * environment, in the form the file already uses there: `[[env.NAME.kind]]` blocks at the end
 * of the environment, a `kind = [...]` statement under `[env.NAME]`, or more items in the
 * environment's own inline list.
 */
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import { entryAt, type ConfigValue } from "../../syntax/model";
import { bindingsIn, environmentsOf, type Binding, type KindUse } from "../bindings";
import { locate, interpret } from "../locate";
import {
  appendInline,
  indentAt,
  insertLinesAfter,
  quickFix,
  sameSpan,
  spanOf,
  tomlKey,
  type FixContext,
  type OffsetEdit,
} from "./edits";
import { asHeaderBlock, asInlineTable } from "./entry-copies";
import {
  addStatements,
  blockEnd,
  environmentEnd,
  sectionAt,
  sectionWithHeader,
  statementOf,
  statementsEnd,
} from "./layout";

/** `env-missing-kind`: the environment has none of the kind; copy every top-level entry. */
export function copyKindToEnvironment(
  context: FixContext,
  diagnostic: Diagnostic,
): CodeAction | undefined {
  const span = spanOf(context, diagnostic);
  const [top, ...named] = environmentsOf(context.document);
  const environment = named.find((env) => sameSpan(env.keySpan, span));
  if (!top || !environment?.name) return undefined;

  // The diagnostic names the kind only in words; its related place is the top-level key.
  const related = diagnostic.relatedInformation?.[0]?.location.range;
  const relatedStart = related && context.parsed.lines.offsetAt(related.start);
  const use = bindingsIn(top).find((candidate) => candidate.entry.keySpan.start === relatedStart);
  if (!use || bindingsIn(environment).some((own) => own.kind === use.kind)) return undefined;

  const name = environment.name;
  const edit = copyStatement(context, use, name) ?? copyAsBlocks(context, use, name);
  const title = `Copy ${use.kind.key} from the top level into env.${name}`;
  return edit && quickFix(context, title, diagnostic, [edit]);
}

/** `env-missing-binding`: the environment has the kind but not every top-level name. */
export function copyBindingsToEnvironment(
  context: FixContext,
  diagnostic: Diagnostic,
): CodeAction | undefined {
  const span = spanOf(context, diagnostic);
  const located = locate(context.document, span.start);
  const meaning = located && interpret(located.path);
  if (!meaning?.env || !meaning.kind) return undefined;

  const [top, ...named] = environmentsOf(context.document);
  const environment = named.find((env) => env.name === meaning.env);
  const own = environment && bindingsIn(environment).find((use) => use.kind === meaning.kind);
  const topUse = top && bindingsIn(top).find((use) => use.kind === meaning.kind);
  if (!own || !topUse || !sameSpan(own.entry.keySpan, span)) return undefined;

  const present = new Set(own.bindings.map((binding) => binding.name));
  const missing = topUse.bindings.filter((binding) => {
    if (binding.name === undefined || present.has(binding.name)) return false;
    present.add(binding.name);
    return true;
  });
  if (missing.length === 0) return undefined;

  const edit = addBindings(context, own, missing, meaning.env);
  const names = missing.map((binding) => `"${binding.name}"`).join(", ");
  const title = `Copy ${names} from the top level into env.${meaning.env}.${own.kind.key}`;
  return edit && quickFix(context, title, diagnostic, [edit]);
}

/**
 * For a kind written as one statement (`kv_namespaces = [...]`, or `bindings = [...]` under
 * `[durable_objects]`): the same statement in the environment's matching table.
 */
function copyStatement(context: FixContext, use: KindUse, env: string): OffsetEdit | undefined {
  const document = context.document;
  const found = statementOf(document, use.entry);
  if (!found) return undefined;
  const { section, key } = found;

  const statement = context.text.slice(key.span.start, use.entry.value.span.end);
  const target = ["env", env, ...(section.header?.path ?? [])];
  const existing = sectionAt(document, target);
  if (existing) {
    const end = statementsEnd(document, existing);
    const indent = indentAt(context.text, existing.keys.at(-1)?.span.start ?? end);
    return insertLinesAfter(context, end, [indent + statement], false);
  }
  // A new `[env.NAME…]` header is only allowed where no other header or key made the table.
  const made = entryAt(document.root, target)?.value;
  if (made && !(made.kind === "table" && made.form === "implicit")) return undefined;
  const header = `[${target.map(tomlKey).join(".")}]`;
  return insertLinesAfter(
    context,
    environmentEnd(context.document, env),
    [header, statement],
    true,
  );
}

/** Every top-level entry as a `[[env.NAME.kind]]` block, at the end of the environment. */
function copyAsBlocks(context: FixContext, use: KindUse, env: string): OffsetEdit | undefined {
  const value = use.entry.value;
  const array = use.kind.shape === "array";
  const tables = array ? (value.kind === "array" ? value.items : []) : [value];
  const blocks = blocksFor(context, tables, use, env);
  return blocks && insertLinesAfter(context, environmentEnd(context.document, env), blocks, true);
}

function addBindings(
  context: FixContext,
  own: KindUse,
  missing: readonly Binding[],
  env: string,
): OffsetEdit | undefined {
  const value = own.entry.value;
  const text = context.text;

  if (own.kind.names.from === "field" && value.kind === "array") {
    const tables = missing.map((binding) => binding.table);
    if (value.form === "inline") {
      const items = tables.flatMap((table) => (table && asInlineTable(context, table)) ?? []);
      if (items.length < tables.length) return undefined;
      return appendInline(text, value.span, value.items.at(-1)?.span.end, items);
    }
    // After the environment's last entry of the kind, so the entries stay together.
    const last = value.items.at(-1);
    const section =
      last?.kind === "table" ? sectionWithHeader(context.document, last.header) : undefined;
    const blocks = section && blocksFor(context, tables, own, env);
    return blocks && insertLinesAfter(context, blockEnd(context.document, section), blocks, true);
  }

  // `[vars]` and the like: each binding is a `NAME = value` statement; `[secrets]` a string.
  const pieces = missing.map((binding) => text.slice(binding.span.start, binding.span.end));
  if (own.kind.names.from === "keys" && value.kind === "table") {
    return addStatements(context, value, pieces);
  }
  if (own.kind.names.from === "list" && value.kind === "table") {
    const list = value.entries.get(own.kind.names.field)?.value;
    if (list?.kind !== "array" || list.form !== "inline") return undefined;
    return appendInline(text, list.span, list.items.at(-1)?.span.end, pieces);
  }
  return undefined;
}

/** The entries as header blocks for the environment, separated by blank lines. */
function blocksFor(
  context: FixContext,
  tables: readonly (ConfigValue | undefined)[],
  use: KindUse,
  env: string,
): string[] | undefined {
  const header = { path: use.kind.key, array: use.kind.shape === "array" };
  const prefix = `env.${tomlKey(env)}.`;
  const lines: string[] = [];
  for (const table of tables) {
    if (table?.kind !== "table") return undefined;
    const block = asHeaderBlock(context, table, prefix, header);
    if (!block) return undefined;
    if (lines.length > 0) lines.push("");
    lines.push(...block);
  }
  return lines.length > 0 ? lines : undefined;
}
