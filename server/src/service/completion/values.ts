/**
 * Completion of values where the set is known: the catalog's enumerations and booleans, and for
 * fields that name something, the candidates sources.ts finds. A string is inserted with its
 * quotes, replacing whatever was typed, quotes included.
 */
import { CompletionItemKind, type CompletionItem } from "vscode-languageserver-types";
import type { FieldReference } from "../../catalog/types";
import { fieldDocumentation, valueDocumentation } from "./documentation";
import { completionItem, type CompletionContext, type ItemSpec } from "./items";
import { Rank } from "./ranking";
import { slotAt, typesOf, type Slot, type TableSchema } from "./schema";
import { tomlValue } from "./snippets";
import { migrationClassCandidates, referenced, usedValues, type Candidate } from "./sources";
import type { ValueSpot } from "./spot";

const ICONS: Record<FieldReference, CompletionItemKind> = {
  class: CompletionItemKind.Class,
  queue: CompletionItemKind.Reference,
  worker: CompletionItemKind.Module,
  environment: CompletionItemKind.Folder,
};

export function valueItems(spot: ValueSpot, context: CompletionContext): CompletionItem[] {
  const found = slotAt(spot.table, spot.key);
  if (!found) return [];
  if (spot.inArray) return arrayItemValues(spot, found.slot, found.schema, context);
  const { slot, schema } = found;
  const docs = schema.scope ? undefined : schema.docs;

  const specs = knownValues(slot).map((value, position) => ({
    ...valueEdit(spot, value, context),
    kind: typeof value === "boolean" ? CompletionItemKind.Value : CompletionItemKind.EnumMember,
    detail: `${slot.name} value`,
    documentation: fieldDocumentation(slot, docs),
    rank: Rank.KnownValue,
    position,
  }));
  if (schema.scope || specs.length > 0) return specs.map((spec) => completionItem(spec, context));

  let candidates: Candidate[] = [];
  let icon: CompletionItemKind = CompletionItemKind.Value;
  if (slot.refersTo) {
    candidates = referenced(slot.refersTo, schema, spot.siblings, context);
    icon = ICONS[slot.refersTo];
  } else if (typesOf(slot)[0] === "string") {
    candidates = usedValues(slot.name, schema, spot.siblings, context);
  }
  return candidateItems(spot, ranked(candidates), icon, docs, context);
}

/** Candidates as items, in the order given, each saying where it was found. */
function candidateItems(
  spot: ValueSpot,
  candidates: readonly Candidate[],
  icon: CompletionItemKind,
  docs: string | undefined,
  context: CompletionContext,
): CompletionItem[] {
  return candidates.map((candidate, position) =>
    completionItem(
      {
        ...valueEdit(spot, candidate.value, context),
        kind: icon,
        detail: candidate.found,
        documentation: valueDocumentation(candidate.found, docs),
        rank: candidate.rank,
        position,
      },
      context,
    ),
  );
}

/**
 * An item of an array of strings that names something: the classes a migration step may list
 * (`new_sqlite_classes = ["…"]`), less those the array already holds.
 */
function arrayItemValues(
  spot: ValueSpot,
  slot: Slot,
  schema: TableSchema,
  context: CompletionContext,
): CompletionItem[] {
  if (slot.items !== "string" || slot.refersTo !== "class") return [];
  const written = new Set(spot.written ?? []);
  const candidates = migrationClassCandidates(context, slot.name, schema.env);
  const fresh = ranked(candidates.filter((candidate) => !written.has(candidate.value)));
  return candidateItems(spot, fresh, ICONS.class, schema.scope ? undefined : schema.docs, context);
}

/** The catalog's enumeration, or `true` and `false` for a boolean. */
function knownValues(slot: Slot): readonly (string | number | boolean)[] {
  if (slot.values?.length) return slot.values;
  return typesOf(slot).includes("boolean") ? [true, false] : [];
}

/** Best evidence first, each value once, in the order found otherwise. */
function ranked(candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const candidate of [...candidates].sort((a, b) => a.rank - b.rank)) {
    if (!best.has(candidate.value)) best.set(candidate.value, candidate);
  }
  return [...best.values()];
}

/**
 * Replaces what was typed with the value as TOML writes it. The typed text is matched from its
 * first character, so a typed quote must be matched by a quote.
 */
function valueEdit(spot: ValueSpot, value: string | number | boolean, context: CompletionContext) {
  const newText = tomlValue(value);
  const quote = spot.quoted ? context.parsed.document.text[spot.range.start] : "";
  const filterText = `${quote}${value}${quote}`;
  return {
    label: String(value),
    range: spot.range,
    newText,
    filterText,
  } satisfies Partial<ItemSpec>;
}
