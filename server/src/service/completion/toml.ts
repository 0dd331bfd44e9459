/**
 * Completion in a TOML configuration: table headers, keys and values, worked out from the text
 * of the caret's section, plus the model for what the rest of the file holds.
 */
import type { CompletionList } from "vscode-languageserver-types";
import { headerItems } from "./headers";
import { NOTHING, unique, type CompletionContext } from "./items";
import { keyItems } from "./keys";
import { sectionAt, spotAt } from "./spot";
import { valueItems } from "./values";

export function completeToml(context: CompletionContext): CompletionList {
  const { parsed, offset } = context;
  const section = sectionAt(parsed.document.sections, offset);
  const spot = section && spotAt(parsed.document.text, section, offset);
  if (!spot) return NOTHING;

  switch (spot.at) {
    case "header":
      // Typing `env.NAME.` changes which headers fit, so the editor must ask again.
      return { isIncomplete: true, items: unique(headerItems(spot, context)) };
    case "key":
      return { isIncomplete: false, items: unique(keyItems(spot, context)) };
    case "value":
      return { isIncomplete: false, items: unique(valueItems(spot, context)) };
  }
}
