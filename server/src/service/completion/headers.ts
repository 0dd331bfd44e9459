/**
 * Completion of a table header after `[` or `[[`: every binding kind in its own shape
 * (`[[kv_namespaces]]`, `[ai]`), the tables that are not bindings, and the environments. The
 * item replaces the whole bracket run, so typing `[` and choosing an array kind gives `[[…]]`,
 * never `[[[`; on a header with nothing below it, the item also writes the entry's required
 * fields as a snippet.
 */
import { CompletionItemKind, type CompletionItem } from "vscode-languageserver-types";
import { bindingKinds, configKeys, findConfigKey, isContainerKey } from "../../catalog";
import type { ConfigKey, FieldSpec } from "../../catalog/types";
import { environmentsOf } from "../bindings";
import { configKeyDocumentation, firstSentence, kindDocumentation } from "./documentation";
import { completionItem, type CompletionContext, type ItemSpec } from "./items";
import { Rank } from "./ranking";
import { entryFields, requiredFields, typesOf } from "./schema";
import { blockSnippet, snippetText, tomlKey } from "./snippets";
import type { HeaderSpot } from "./spot";

export function headerItems(spot: HeaderSpot, context: CompletionContext): CompletionItem[] {
  const env = typedEnvironment(spot.typed);
  const prefix = env === undefined ? "" : `env.${tomlKey(env)}.`;
  const specs: ItemSpec[] = [];

  for (const [position, kind] of bindingKinds.entries()) {
    if (kind.deprecated || (env !== undefined && kind.topLevelOnly)) continue;
    const rank = kind.core ? Rank.CoreKind : Rank.OtherKind;
    const header = bracketed(`${prefix}${kind.key}`, kind.shape === "array");
    specs.push({
      ...headerEdit(spot, header, entryFields(kind), context),
      label: header,
      kind: CompletionItemKind.Module,
      detail: kind.summary,
      documentation: kindDocumentation(kind),
      filterText: `${spot.brackets}${prefix}${kind.key}`,
      rank,
      position,
    });
  }

  for (const [position, key] of configKeys.entries()) {
    const array = headerShape(key);
    if (array === undefined || (env !== undefined && key.topLevelOnly)) continue;
    const header = bracketed(`${prefix}${key.name}`, array);
    specs.push({
      ...headerEdit(spot, header, requiredFields(key.fields ?? []), context),
      label: header,
      kind: CompletionItemKind.Struct,
      detail: firstSentence(key.description),
      documentation: configKeyDocumentation(key),
      filterText: `${spot.brackets}${prefix}${key.name}`,
      rank: Rank.ConfigTable,
      position,
    });
  }

  if (env === undefined) specs.push(...environmentSpecs(spot, context));
  return specs.map((spec) => completionItem(spec, context));
}

/** The environment named by a typed `env.NAME.` prefix, quoted or not. */
function typedEnvironment(typed: string): string | undefined {
  const match = /^\s*env\s*\.\s*(?:"([^"]*)"|'([^']*)'|([\w-]+))\s*\./.exec(typed);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

function bracketed(key: string, array: boolean): string {
  return array ? `[[${key}]]` : `[${key}]`;
}

/**
 * Whether a non-binding key can stand as a header, and as which: `true` for `[[key]]`, `false`
 * for `[key]`. Legacy keys, `env` (offered per environment) and the holders of binding kinds
 * that have no settings of their own (`[queues]`) are not offered.
 */
function headerShape(key: ConfigKey): boolean | undefined {
  if (key.status || key.name === "env") return undefined;
  if (isContainerKey(key.name) && !key.fields?.some((field) => !field.deprecated)) return undefined;
  const types = typesOf(key);
  if (types.includes("table")) return false;
  if (types.includes("array") && (key.items === "table" || key.fields)) return true;
  return undefined;
}

/** The edit of a header item: the header alone, or with the entry's fields as a snippet. */
function headerEdit(
  spot: HeaderSpot,
  header: string,
  fields: readonly FieldSpec[],
  context: CompletionContext,
): Pick<ItemSpec, "range" | "newText" | "snippet"> {
  if (spot.hasBody || fields.length === 0) return { range: spot.range, newText: header };
  const newText = blockSnippet(snippetText(header), fields, context.eol);
  return { range: spot.range, newText, snippet: true };
}

/** `env.NAME.` for each environment of the file, and a header for a new one. */
function environmentSpecs(spot: HeaderSpot, context: CompletionContext): ItemSpec[] {
  const specs: ItemSpec[] = [];
  const named = environmentsOf(context.parsed.document).filter((e) => e.name !== undefined);
  for (const [position, environment] of named.entries()) {
    const label = `env.${tomlKey(environment.name!)}.`;
    specs.push({
      label,
      kind: CompletionItemKind.Folder,
      detail: `Bindings and settings of the ${environment.name} environment`,
      range: spot.keyRange,
      newText: label,
      rank: Rank.EnvironmentPrefix,
      position,
      retrigger: true,
    });
  }

  const env = findConfigKey("env");
  specs.push({
    label: "[env.NAME]",
    kind: CompletionItemKind.Folder,
    detail: "A new environment",
    documentation: env && configKeyDocumentation(env),
    range: spot.range,
    newText: "[env.${1:name}]",
    snippet: true,
    filterText: `${spot.brackets}env.`,
    rank: Rank.NewEnvironment,
    position: 0,
  });
  return specs;
}
