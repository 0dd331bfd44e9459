/**
 * Reads a TOML Worker configuration into the model. Sections whose text is unchanged since the
 * previous version of the document reuse their parse, so a keystroke reparses one section.
 */
import type { ConfigDocument } from "../model";
import { ModelBuilder } from "./build";
import { parseSection, parseWhole, type ParsedSection } from "./parse-section";
import { splitSections } from "./sections";

/** Parsed sections by their text, carried from one version of a document to the next. */
export type SectionCache = Map<string, ParsedSection>;

export interface TomlParse {
  readonly document: ConfigDocument;
  /** Pass to the next call for the same document to reuse unchanged sections. */
  readonly cache: SectionCache;
}

export function parseToml(text: string, previous?: SectionCache): TomlParse {
  const cache: SectionCache = new Map();
  const builder = new ModelBuilder();

  const slices = splitSections(text);
  // With nothing to reuse, one parse of the whole text is quicker than one per section.
  const whole = previous?.size ? undefined : parseWhole(text, slices);

  for (const [k, slice] of slices.entries()) {
    const sectionText = text.slice(slice.start, slice.end);
    let parsed = cache.get(sectionText) ?? previous?.get(sectionText) ?? whole?.[k];
    if (!parsed) parsed = parseSection(sectionText, slice);
    cache.set(sectionText, parsed);
    builder.addSection(slice, parsed);
  }

  const { root, problems, sections } = builder;
  return { document: { format: "toml", text, root, problems, sections }, cache };
}
