/**
 * Completion of TOML keys: the keys key-offers.ts finds for the caret's table, written as
 * `key = value` snippets, binding kinds inline (`kv_namespaces = [{ … }]`). At the top level
 * and in `[env.NAME]`, keys the model has from elsewhere in the file count as present too.
 */
import type { CompletionItem } from "vscode-languageserver-types";
import type { BindingKind } from "../../catalog/types";
import { entryAt, isTable } from "../../syntax/model";
import { completionItem, type CompletionContext } from "./items";
import { keyOffers, type KeyValue } from "./key-offers";
import { entryFields, tableSchema, type ScopeTable } from "./schema";
import {
  fieldSnippet,
  inlineTable,
  snippetText,
  TabStops,
  tomlKey,
  valueSnippet,
} from "./snippets";
import type { KeySpot } from "./spot";

export function keyItems(spot: KeySpot, context: CompletionContext): CompletionItem[] {
  const schema = tableSchema([...spot.table, ...spot.dotted]);
  if (!schema) return [];
  const present = presentKeys(spot, context, schema.scope ? schema : undefined);
  return keyOffers(schema, present).map((offer) =>
    completionItem(
      {
        ...offer,
        ...keyEdit(spot, offer.label, offer.value),
        retrigger: !spot.valueFollows && offer.refers,
      },
      context,
    ),
  );
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

/**
 * `key = value` as a snippet, or the key alone when a `=` already follows. A kind's key path is
 * written dotted (`durable_objects.bindings`), each part bare or quoted as TOML needs it.
 */
function keyEdit(spot: KeySpot, path: string, value: KeyValue) {
  const key = path.split(".").map(tomlKey).join(".");
  if (spot.valueFollows) return { range: spot.range, newText: key };
  const written = value.slot ? valueSnippet(value.slot, new TabStops()) : kindValue(value.kind);
  return { range: spot.range, newText: `${snippetText(key)} = ${written}`, snippet: true };
}

/** A binding kind written inline: `[{ binding = "…" }]`, `{ … }` for a single table. */
function kindValue(kind: BindingKind): string {
  const stops = new TabStops();
  const fields = entryFields(kind);
  const table =
    fields.length === 0
      ? inlineTable([], stops)
      : `{ ${fields.map((field) => fieldSnippet(field, stops)).join(", ")} }`;
  return kind.shape === "array" ? `[${table}]` : table;
}
