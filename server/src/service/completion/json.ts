/**
 * Completion in a JSON configuration: property keys from the catalog, and values by the same
 * rules as in TOML (values.ts), for the object at the caret as json-spot.ts finds it.
 */
import type { CompletionItem, CompletionList, TextEdit } from "vscode-languageserver-types";
import { NOTHING, unique, type CompletionContext } from "./items";
import { jsonKeyItems } from "./json-keys";
import type { ConfigValue } from "../../syntax/model";
import { jsonSpotAt, tablePath, type JsonPath, type JsonValueSpot } from "./json-spot";
import { valueItems } from "./values";

export function completeJson(context: CompletionContext): CompletionList {
  const spot = jsonSpotAt(context.parsed.document.text, context.offset);
  if (!spot) return NOTHING;
  const items = spot.at === "key" ? jsonKeyItems(spot, context) : jsonValueItems(spot, context);
  return { isIncomplete: false, items: unique(items) };
}

/**
 * The values values.ts offers, which it writes as JSON writes them too; set off from a colon
 * typed right before them, and followed by a comma when another property follows.
 */
function jsonValueItems(spot: JsonValueSpot, context: CompletionContext): CompletionItem[] {
  const { path, key, range, quoted, inArray, siblings } = spot;
  const table = tablePath(path);
  const written = inArray ? writtenItems(context, path, key, range.start) : undefined;
  const items = valueItems(
    { at: "value", table, key: [key], range, quoted, inArray, siblings, written },
    context,
  );
  const before = context.parsed.document.text[range.start - 1] === ":" ? " " : "";
  const after = spot.commaAfter ? "," : "";
  return items.map((item) => {
    const edit = item.textEdit as TextEdit;
    return {
      ...item,
      textEdit: { range: edit.range, newText: `${before}${edit.newText}${after}` },
    };
  });
}

/** The strings an array of the model holds, the one at the caret excluded. */
function writtenItems(
  context: CompletionContext,
  path: JsonPath,
  key: string,
  caret: number,
): string[] {
  let value: ConfigValue | undefined = context.parsed.document.root;
  for (const step of [...path, key]) {
    if (typeof step === "number") value = value?.kind === "array" ? value.items[step] : undefined;
    else value = value?.kind === "table" ? value.entries.get(step)?.value : undefined;
  }
  if (value?.kind !== "array") return [];
  return value.items.flatMap((item) =>
    item.kind === "string" && item.span.start !== caret ? [item.value] : [],
  );
}
