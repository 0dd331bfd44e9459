/**
 * The one-line details and markdown documentation of completion items, built from the catalog's
 * descriptions, with a link to the page on developers.cloudflare.com.
 */
import { docsUrl } from "../../catalog";
import type { BindingKind, ConfigKey } from "../../catalog/types";
import { typesOf, type Slot } from "./schema";

/** `string`, `boolean or array of string`. */
export function typeText(slot: Slot): string {
  return typesOf(slot)
    .map((type) => (type === "array" && slot.items ? `array of ${slot.items}` : type))
    .join(" or ");
}

/** A field's detail: whether it is required, and its type. */
export function fieldDetail(slot: Slot): string {
  const need = slot.required
    ? "required"
    : slot.requiredUnless
      ? `required (or ${slot.requiredUnless})`
      : "optional";
  return `${need} · ${typeText(slot)}`;
}

/** The first sentence of a description, for a detail that must fit on one line. */
export function firstSentence(text: string): string {
  const end = text.search(/[.:](\s|$)/);
  return end < 0 ? text : text.slice(0, end);
}

function link(path: string | undefined): string[] {
  return path ? [`[Cloudflare docs](${docsUrl(path)})`] : [];
}

export function kindDocumentation(kind: BindingKind): string {
  const runtime = kind.runtimeType
    ? [`In the Worker: \`env.NAME\` of type \`${kind.runtimeType}\`.`]
    : [];
  return [`**${kind.title}**`, kind.description, ...runtime, ...link(kind.docs)].join("\n\n");
}

export function configKeyDocumentation(key: ConfigKey): string {
  return [`**${key.name}** (${typeText(key)})`, key.description, ...link(key.docs)].join("\n\n");
}

/** A field's meaning, type, whether it is required, and the values it takes. */
export function fieldDocumentation(slot: Slot, docs?: string): string {
  const facts = [`Type: ${typeText(slot)}.`];
  if (slot.required) facts.push("Required.");
  if (slot.requiredUnless) facts.push(`Required unless \`${slot.requiredUnless}\` is given.`);
  if (slot.values?.length) {
    facts.push(`One of ${slot.values.map((value) => `\`${JSON.stringify(value)}\``).join(", ")}.`);
  }
  return [`**${slot.name}**`, slot.description, facts.join(" "), ...link(docs)].join("\n\n");
}

/** Documentation for a candidate value: where it was found, and what the field is. */
export function valueDocumentation(found: string, docs?: string): string {
  return [found, ...link(docs)].join("\n\n");
}
