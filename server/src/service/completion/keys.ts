/**
 * Completion of keys: the fields of a binding entry or configuration table that are not written
 * yet, required ones first; at the top level and in `[env.NAME]`, the settings and the binding
 * kinds written inline (`kv_namespaces = [{ … }]`), except those the table already has.
 */
import { CompletionItemKind, type CompletionItem } from "vscode-languageserver-types";
import { bindingKinds, configKeys, isContainerKey } from "../../catalog";
import type { BindingKind, FieldSpec } from "../../catalog/types";
import { entryAt, isTable } from "../../syntax/model";
import {
  configKeyDocumentation,
  fieldDetail,
  fieldDocumentation,
  firstSentence,
  kindDocumentation,
} from "./documentation";
import { completionItem, type CompletionContext, type ItemSpec } from "./items";
import { Rank } from "./ranking";
import { entryFields, tableSchema, type FieldTable, type ScopeTable } from "./schema";
import { fieldSnippet, inlineTable, TabStops, tomlKey, valueSnippet } from "./snippets";
import type { KeySpot } from "./spot";

export function keyItems(spot: KeySpot, context: CompletionContext): CompletionItem[] {
  const schema = tableSchema([...spot.table, ...spot.dotted]);
  if (!schema) return [];
  const present = presentKeys(spot, context, schema.scope ? schema : undefined);
  const specs = schema.scope
    ? scopeSpecs(schema, present, spot)
    : [...fieldSpecs(schema, present, spot), ...nestedKindSpecs(schema, present, spot)];
  return specs.map((spec) => completionItem(spec, context));
}

/**
 * The keys the table has: those the text shows in the caret's table, and, for the top level or
 * an environment, those the model has from elsewhere (a `[[kv_namespaces]]` further down
 * defines `kv_namespaces` too, and TOML forbids defining it twice).
 */
function presentKeys(spot: KeySpot, context: CompletionContext, scope?: ScopeTable) {
  const depth = spot.dotted.length;
  const present = new Set<string>();
  for (const statement of spot.siblings) {
    const inside = spot.dotted.every((part, i) => statement.path[i] === part);
    if (inside && statement.path.length > depth) present.add(statement.path[depth]!);
  }
  if (scope) {
    const root = context.parsed.document.root;
    const table = scope.env === undefined ? root : entryAt(root, ["env", scope.env])?.value;
    if (isTable(table)) for (const key of table.entries.keys()) present.add(key);
  }
  return present;
}

/** `key = value` as a snippet, or the key alone when a `=` already follows. */
function keyEdit(spot: KeySpot, key: string, value: () => string) {
  if (spot.valueFollows) return { range: spot.range, newText: tomlKey(key) };
  return { range: spot.range, newText: `${tomlKey(key)} = ${value()}`, snippet: true };
}

function fieldSpecs(schema: FieldTable, present: ReadonlySet<string>, spot: KeySpot): ItemSpec[] {
  const specs: ItemSpec[] = [];
  for (const [position, field] of schema.fields.entries()) {
    if (field.deprecated || present.has(field.name)) continue;
    if (field.conflictsWith && present.has(field.conflictsWith)) continue;
    const required =
      field.required || (field.requiredUnless !== undefined && !present.has(field.requiredUnless));
    specs.push({
      ...keyEdit(spot, field.name, () => valueSnippet(forCompletion(field), new TabStops())),
      label: field.name,
      kind: CompletionItemKind.Field,
      detail: fieldDetail(field),
      documentation: fieldDocumentation(field, schema.docs),
      rank: required ? Rank.RequiredField : Rank.OptionalField,
      position,
      retrigger: !spot.valueFollows && field.refersTo !== undefined,
    });
  }
  return specs;
}

/**
 * A field whose value names something (a class, a queue) gets an empty string to fill in
 * rather than the catalog's example, so that the candidates offered next are not filtered by it.
 */
function forCompletion(field: FieldSpec): FieldSpec {
  return field.refersTo ? { ...field, example: undefined } : field;
}

/** `bindings` in `[durable_objects]`, `producers` and `consumers` in `[queues]`. */
function nestedKindSpecs(schema: FieldTable, present: ReadonlySet<string>, spot: KeySpot) {
  return schema.kinds
    .filter(({ key }) => !present.has(key))
    .map(({ key, kind }, position) => kindSpec(kind, key, spot, position));
}

function scopeSpecs(schema: ScopeTable, present: ReadonlySet<string>, spot: KeySpot): ItemSpec[] {
  const inEnv = schema.env !== undefined;
  const specs: ItemSpec[] = [];

  for (const [position, key] of configKeys.entries()) {
    if (key.status || key.name === "env" || present.has(key.name)) continue;
    // Tables that only hold binding kinds are offered through the kinds, as dotted keys.
    if ((inEnv && key.topLevelOnly) || isContainerKey(key.name)) continue;
    specs.push({
      ...keyEdit(spot, key.name, () => valueSnippet(key, new TabStops())),
      label: key.name,
      kind: CompletionItemKind.Property,
      detail: firstSentence(key.description),
      documentation: configKeyDocumentation(key),
      rank: Rank.ConfigKey,
      position,
    });
  }

  for (const [position, kind] of bindingKinds.entries()) {
    if (kind.deprecated || (inEnv && kind.topLevelOnly)) continue;
    if (present.has(kind.key.split(".")[0]!)) continue;
    specs.push(kindSpec(kind, kind.key, spot, position));
  }
  return specs;
}

/** A binding kind written inline: `kv_namespaces = [{ binding = "…" }]`, `ai = { … }`. */
function kindSpec(kind: BindingKind, key: string, spot: KeySpot, position: number): ItemSpec {
  const entry = () => {
    const table = inlineEntry(kind);
    return kind.shape === "array" ? `[${table}]` : table;
  };
  return {
    ...keyEdit(spot, key, entry),
    label: key,
    kind: CompletionItemKind.Module,
    detail: kind.summary,
    documentation: kindDocumentation(kind),
    rank: kind.core ? Rank.CoreKindInline : Rank.OtherKindInline,
    position,
  };
}

function inlineEntry(kind: BindingKind): string {
  const stops = new TabStops();
  const fields = entryFields(kind);
  if (fields.length === 0) return inlineTable([], stops);
  return `{ ${fields.map((field) => fieldSnippet(field, stops)).join(", ")} }`;
}
