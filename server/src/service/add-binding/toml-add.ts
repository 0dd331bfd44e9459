/**
 * The edit that adds a binding to a TOML file. The entry goes after the last entry of its kind
 * in the environment, written the way those are written (a `[[…]]` block, or one more item of
 * an inline list); for a kind the environment lacks, a new block at the place `toml-place`
 * picks, or a `key = [{ … }]` statement when the file writes that kind inline and never as
 * blocks. Only insertions: every byte of the file stays where it was.
 */
import type { BindingKind } from "../../catalog/types";
import type { AddBindingParams } from "../../protocol";
import type { ArrayValue, Section } from "../../syntax/model";
import { bindingsIn, environmentsOf, type Environment } from "../bindings";
import { appendInline, tomlKey, type FixContext, type OffsetEdit } from "../quick-fixes/edits";
import { addStatements, blockEnd, sectionWithHeader } from "../quick-fixes/layout";
import { firstMigration, firstMigrationLines } from "../quick-fixes/migrations";
import { entryFields, type Addition, type EntryField } from "./entry";
import { appendItem } from "./list-items";
import { tomlMigration, type MigrationPlan } from "./migration";
import { blankAbove, TOML_COMMENTS } from "./text-lines";
import { attachedEnd, indentsNear, insertBlock, newBlockPlace, type Place } from "./toml-place";
import { tomlInlineTable, tomlStatements, tomlStyle, tomlValue } from "./toml-style";

export function tomlAddition(
  context: FixContext,
  environment: Environment,
  kind: BindingKind,
  params: AddBindingParams,
): Addition | undefined {
  if (kind.names.from === "keys" || kind.names.from === "list") {
    return addNamed(context, environment, kind, params);
  }
  const fields = entryFields(kind, params);
  const migration = tomlMigration(context, environment, kind, params);
  if (migration === "impossible") return undefined;

  const value = bindingsIn(environment).find((use) => use.kind === kind)?.entry.value;
  if (value?.kind === "array" && value.form === "tables") {
    return appendBlock(context, value, fields, migration);
  }
  if (value?.kind === "array") {
    const style = tomlStyle(context.document, undefined, value.items.at(-1)?.span);
    const item = tomlInlineTable(fields, style);
    const edits = appendToList(context, value, item);
    return edits && withMigration(context, edits, item, migration, value.span.start);
  }
  if (value) return undefined;

  if (kind.shape === "array" && writtenInline(context, kind)) {
    const statement = inlineStatement(context, environment, kind, fields, migration);
    if (statement) return statement;
  }
  const header = bracketed(prefixOf(environment) + kind.key, kind.shape === "array");
  const place = newBlockPlace(context.document, environment);
  const lines = blockLines(context, header, fields, place.near);
  return newBlock(context, place, lines, true, migration);
}

/** After the environment's last block of the kind, indented and spaced like it. */
function appendBlock(
  context: FixContext,
  array: ArrayValue,
  fields: readonly EntryField[],
  migration: MigrationPlan,
): Addition | undefined {
  const { document, text } = context;
  const last = array.items.at(-1);
  const section = last?.kind === "table" ? sectionWithHeader(document, last.header) : undefined;
  const header = section?.header;
  if (!section || !header) return undefined;

  // The header path as the file spells it, quotes included: `[[env."my-env".kv_namespaces]]`.
  const path = text.slice(header.pathSpans[0]!.start, header.pathSpans.at(-1)!.end);
  const lines = blockLines(context, `[[${path}]]`, fields, section);
  const place = { after: attachedEnd(text, blockEnd(document, section)) };
  return newBlock(
    context,
    place,
    lines,
    blankAbove(text, header.span.start, TOML_COMMENTS),
    migration,
  );
}

/**
 * `kv_namespaces = [{ … }]` under the environment's own header (or at the top of the file),
 * or `bindings = [{ … }]` under its `[durable_objects]`: for files that write the kind so.
 */
function inlineStatement(
  context: FixContext,
  environment: Environment,
  kind: BindingKind,
  fields: readonly EntryField[],
  migration: MigrationPlan,
): Addition | undefined {
  const parts = kind.key.split(".");
  const container =
    parts.length === 1 ? environment.table : environment.table.entries.get(parts[0]!)?.value;
  if (container?.kind !== "table") return undefined;

  const style = tomlStyle(context.document);
  const item = tomlInlineTable(fields, style);
  const statement = `${tomlKey(parts.at(-1)!)}${style.assign}[${item}]`;
  const edit = addStatements(context, container, [statement]);
  return edit && withMigration(context, [edit], statement, migration, edit.start - 1);
}

/** A variable (`NAME = "value"`) or a secret's name, in the environment's table of them. */
function addNamed(
  context: FixContext,
  environment: Environment,
  kind: BindingKind,
  params: AddBindingParams,
): Addition | undefined {
  const style = tomlStyle(context.document);
  const table = bindingsIn(environment).find((use) => use.kind === kind)?.entry.value;
  const variable = kind.names.from === "keys";
  const name = tomlValue(params.name, style);
  const statement = variable
    ? `${tomlKey(params.name)}${style.assign}${tomlValue(params.fields.value ?? "", style)}`
    : `required${style.assign}[${name}]`;

  if (table?.kind !== "table") {
    if (table) return undefined;
    const place = newBlockPlace(context.document, environment);
    const indent = indentsNear(context.text, place.near);
    const header = bracketed(prefixOf(environment) + kind.key, false);
    const lines = [indent.header + header, indent.key + statement];
    return newBlock(context, place, lines, true, {}, variable ? statement : name);
  }
  const list = variable ? undefined : table.entries.get("required")?.value;
  if (list?.kind === "array") {
    const edits = appendToList(context, list, name);
    return edits && { edits, entry: name };
  }
  const edit = list ? undefined : addStatements(context, table, [statement]);
  return edit && { edits: [edit], entry: variable ? statement : name };
}

/** One more item of an inline list; into empty brackets when it has none. */
function appendToList(
  context: FixContext,
  list: ArrayValue,
  item: string,
): OffsetEdit[] | undefined {
  const items = list.items.map((value) => value.span);
  if (items.length > 0) {
    return appendItem(
      { text: context.text, eol: context.eol, comments: TOML_COMMENTS, items },
      () => item,
    );
  }
  const edit = appendInline(context.text, list.span, undefined, [item]);
  return edit && [edit];
}

/** The block, with the first migration step below it when one is due. */
function newBlock(
  context: FixContext,
  place: Place,
  lines: readonly string[],
  separate: boolean,
  migration: MigrationPlan,
  entry = lines.join(context.eol),
): Addition {
  const step = migration.firstStep ? ["", ...firstMigrationLines(migration.firstStep)] : [];
  const edit = insertBlock(context, place, [...lines, ...step], separate);
  return { edits: migration.edit ? [edit, migration.edit] : [edit], entry };
}

/** An inline entry's edits, with the migration step: a first one after the list's section. */
function withMigration(
  context: FixContext,
  edits: readonly OffsetEdit[],
  entry: string,
  migration: MigrationPlan,
  listAt: number,
): Addition {
  const step = migration.firstStep
    ? firstMigration(context, listAt, migration.firstStep)
    : migration.edit;
  return { edits: step ? [...edits, step] : edits, entry };
}

/** The header and statements of a block, indented like the section it goes near. */
function blockLines(
  context: FixContext,
  header: string,
  fields: readonly EntryField[],
  near: Section | undefined,
): string[] {
  const indent = indentsNear(context.text, near);
  const statements = tomlStatements(fields, tomlStyle(context.document, near));
  return [indent.header + header, ...statements.map((line) => indent.key + line)];
}

/** Whether the file writes the kind as inline lists, and never as `[[…]]` blocks. */
function writtenInline(context: FixContext, kind: BindingKind): boolean {
  const forms = environmentsOf(context.document).flatMap((environment) => {
    const value = bindingsIn(environment).find((use) => use.kind === kind)?.entry.value;
    return value?.kind === "array" ? [value.form] : [];
  });
  return forms.includes("inline") && !forms.includes("tables");
}

function prefixOf(environment: Environment): string {
  return environment.name === undefined ? "" : `env.${tomlKey(environment.name)}.`;
}

function bracketed(path: string, array: boolean): string {
  return array ? `[[${path}]]` : `[${path}]`;
}
