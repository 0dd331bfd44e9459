/**
 * Completion of JSON property keys: the keys key-offers.ts finds for the caret's object,
 * written as `"key": value` snippets (a binding kind with a whole first entry), and at the top
 * level a new environment under `"env"`. Property names are matched with their opening quote,
 * as typed.
 */
import { CompletionItemKind, type CompletionItem } from "vscode-languageserver-types";
import { configKeys, findConfigKey } from "../../catalog";
import { jsonIndentUnit } from "../add-binding/json-writer";
import { configKeyDocumentation } from "./documentation";
import { completionItem, type CompletionContext, type ItemSpec } from "./items";
import {
  environmentValue,
  kindValue,
  propertySnippet,
  slotValue,
  type JsonLayout,
} from "./json-snippets";
import { tablePath, type JsonKeySpot } from "./json-spot";
import { keyOffers } from "./key-offers";
import { Rank } from "./ranking";
import { tableSchema } from "./schema";
import { lineStart } from "./tokens";

export function jsonKeyItems(spot: JsonKeySpot, context: CompletionContext): CompletionItem[] {
  const schema = tableSchema(tablePath(spot.path));
  if (!schema) return [];
  const layout = layoutAt(spot, context);

  const specs: ItemSpec[] = keyOffers(schema, spot.present).map((offer) => {
    const value = offer.value.slot
      ? slotValue(offer.value.slot, layout)
      : kindValue(offer.value.kind, layout);
    return {
      ...offer,
      ...keyEdit(spot, offer.label, propertySnippet(offer.label.split("."), value, layout)),
      retrigger: !spot.valueFollows && offer.refers,
    };
  });
  const env = findConfigKey("env");
  if (schema.scope && schema.env === undefined && env && !spot.present.has(env.name)) {
    specs.push({
      ...keyEdit(spot, env.name, propertySnippet([env.name], environmentValue(layout), layout)),
      kind: CompletionItemKind.Folder,
      detail: "A new environment",
      documentation: configKeyDocumentation(env),
      rank: Rank.ConfigKey,
      position: configKeys.indexOf(env),
    });
  }
  return specs.map((spec) => completionItem(spec, context));
}

/**
 * The property as a snippet, a comma after it when another property follows, and one before
 * it when the previous property lacks its own; only the name when a colon already follows.
 */
function keyEdit(spot: JsonKeySpot, label: string, property: string) {
  const name = label.split(".")[0]!;
  const edit = spot.valueFollows
    ? { newText: JSON.stringify(name), snippet: false }
    : { newText: `${property}${spot.commaAfter ? "," : ""}`, snippet: true };
  const comma = spot.commaBefore;
  return {
    ...edit,
    label,
    range: spot.range,
    filterText: spot.quoted ? JSON.stringify(label) : label,
    indented: edit.newText.includes("\n"),
    additional: comma === undefined ? [] : [{ range: { start: comma, end: comma }, newText: "," }],
  };
}

/**
 * Blocks are spread over lines, one unit in from the caret's line, when the key starts its
 * line; in an object written on one line they stay on one line too.
 */
function layoutAt(spot: JsonKeySpot, context: CompletionContext): JsonLayout {
  const text = context.parsed.document.text;
  const before = text.slice(lineStart(text, spot.range.start), spot.range.start);
  const indent = before.trim() === "" ? before : undefined;
  // A file still without a top-level property shows its unit on its first indented line.
  const unit = jsonIndentUnit(context.parsed.document) ?? /^[ \t]+(?=\S)/m.exec(text)?.[0];
  return { indent, unit: unit ?? "\t", eol: context.eol };
}
