/**
 * Which keys completion offers in a table, whatever the syntax they will be written in: the
 * fields of a binding entry or configuration table that are not written yet, required ones
 * first; at the top level and in an environment, the settings and the binding kinds, except
 * those the table already has. keys.ts writes them as TOML, json-keys.ts as JSON.
 */
import { CompletionItemKind } from "vscode-languageserver-types";
import { bindingKinds, configKeys, isContainerKey } from "../../catalog";
import type { BindingKind, FieldSpec } from "../../catalog/types";
import {
  configKeyDocumentation,
  fieldDetail,
  fieldDocumentation,
  firstSentence,
  kindDocumentation,
} from "./documentation";
import { Rank } from "./ranking";
import type { FieldTable, ScopeTable, Slot, TableSchema } from "./schema";

/** What a key holds once written: one value, or the entries of a binding kind. */
export type KeyValue =
  { readonly slot: Slot } | { readonly kind: BindingKind; readonly slot?: undefined };

export interface KeyOffer {
  /** The key path, relative to the table: `bindings`, `durable_objects.bindings`. */
  readonly label: string;
  readonly kind: CompletionItemKind;
  readonly detail: string;
  readonly documentation: string;
  readonly rank: Rank;
  readonly position: number;
  readonly value: KeyValue;
  /** The value names something (a class, a queue), so its candidates are worth asking for. */
  readonly refers: boolean;
}

export function keyOffers(schema: TableSchema, present: ReadonlySet<string>): KeyOffer[] {
  return schema.scope
    ? scopeOffers(schema, present)
    : [...fieldOffers(schema, present), ...nestedKindOffers(schema, present)];
}

function fieldOffers(schema: FieldTable, present: ReadonlySet<string>): KeyOffer[] {
  const offers: KeyOffer[] = [];
  for (const [position, field] of schema.fields.entries()) {
    if (field.deprecated || present.has(field.name)) continue;
    if (field.conflictsWith && present.has(field.conflictsWith)) continue;
    const required =
      field.required || (field.requiredUnless !== undefined && !present.has(field.requiredUnless));
    offers.push({
      label: field.name,
      kind: CompletionItemKind.Field,
      detail: fieldDetail(field),
      documentation: fieldDocumentation(field, schema.docs),
      rank: required ? Rank.RequiredField : Rank.OptionalField,
      position,
      value: { slot: forCompletion(field) },
      refers: field.refersTo !== undefined,
    });
  }
  return offers;
}

/**
 * A field whose value names something (a class, a queue) gets an empty string to fill in
 * rather than the catalog's example, so that the candidates offered next are not filtered by it.
 */
function forCompletion(field: FieldSpec): FieldSpec {
  return field.refersTo ? { ...field, example: undefined } : field;
}

/** `bindings` in `[durable_objects]`, `producers` and `consumers` in `[queues]`. */
function nestedKindOffers(schema: FieldTable, present: ReadonlySet<string>): KeyOffer[] {
  return schema.kinds
    .filter(({ key }) => !present.has(key))
    .map(({ key, kind }, position) => kindOffer(kind, key, position));
}

function scopeOffers(schema: ScopeTable, present: ReadonlySet<string>): KeyOffer[] {
  const inEnv = schema.env !== undefined;
  const offers: KeyOffer[] = [];

  for (const [position, key] of configKeys.entries()) {
    if (key.status || key.name === "env" || present.has(key.name)) continue;
    // Tables that only hold binding kinds are offered through the kinds, as dotted keys.
    if ((inEnv && key.topLevelOnly) || isContainerKey(key.name)) continue;
    offers.push({
      label: key.name,
      kind: CompletionItemKind.Property,
      detail: firstSentence(key.description),
      documentation: configKeyDocumentation(key),
      rank: Rank.ConfigKey,
      position,
      value: { slot: key },
      refers: false,
    });
  }

  for (const [position, kind] of bindingKinds.entries()) {
    if (kind.deprecated || (inEnv && kind.topLevelOnly)) continue;
    if (present.has(kind.key.split(".")[0]!)) continue;
    offers.push(kindOffer(kind, kind.key, position));
  }
  return offers;
}

function kindOffer(kind: BindingKind, key: string, position: number): KeyOffer {
  return {
    label: key,
    kind: CompletionItemKind.Module,
    detail: kind.summary,
    documentation: kindDocumentation(kind),
    rank: kind.core ? Rank.CoreKindInline : Rank.OtherKindInline,
    position,
    value: { kind },
    refers: false,
  };
}
