/**
 * Reads a TOML Worker configuration into the model. After an edit, only the sections the edit
 * touched are scanned and parsed again; the others keep their models, moved if the edit
 * shifted them, and the document's model is linked together from them.
 */
import type { ConfigDocument } from "../model";
import { changedRange, type TextChange } from "../text-change";
import { buildModel } from "./build";
import { parseSection } from "./parse-section";
import { SectionModel } from "./section-model";
import { resplitSections, splitSections, type Resplit, type SectionSlice } from "./sections";

/** What the next version of a document can reuse of this one. */
export interface TomlReuse {
  readonly text: string;
  readonly slices: readonly SectionSlice[];
  readonly models: readonly SectionModel[];
}

export interface TomlParse {
  readonly document: ConfigDocument;
  readonly reuse: TomlReuse;
}

/**
 * How the previous version may be reused. `replaced`: it is dropped for the new one, so its
 * section models move to their new places (the previous document must not be read again).
 * `kept`: it stays in use, so models that would move are rebuilt from their parse instead.
 */
export type ReuseMode = "replaced" | "kept";

export function parseToml(
  text: string,
  previous?: TomlReuse,
  mode: ReuseMode = "kept",
  known?: TextChange,
): TomlParse {
  // Even with nothing to reuse, sections are parsed one by one: toml-eslint-parser's time grows
  // faster than the text (measured: 3× slower whole at 10,000 lines, 5× at 50,000), and an
  // opened file is then read exactly as it will be after each edit.
  let models: readonly SectionModel[];
  let slices: readonly SectionSlice[];
  const change = previous && (known ?? changedRange(previous.text, text));
  if (previous && !change) {
    ({ slices, models } = previous);
  } else if (previous && change) {
    const resplit = resplitSections(previous.slices, change, text);
    slices = resplit.slices;
    models = reuseModels(text, resplit, previous.models, mode);
  } else {
    slices = splitSections(text);
    models = slices.map((slice) => readSection(text, slice));
  }

  const { root, problems, sections } = buildModel(models);
  const document: ConfigDocument = { format: "toml", text, root, problems, sections };
  return { document, reuse: { text, slices, models } };
}

/**
 * The model of each section after an edit: the previous one for the sections before and after
 * the edit, and for the sections in between whose text the previous version also had (an edit
 * that splits a section in two leaves one half as it was).
 */
function reuseModels(
  text: string,
  { slices, before, after }: Resplit,
  old: readonly SectionModel[],
  mode: ReuseMode,
): SectionModel[] {
  const byText = new Map<string, SectionModel[]>();
  for (const model of old.slice(before, old.length - after)) {
    byText.set(model.text, [...(byText.get(model.text) ?? []), model]);
  }
  const firstAfter = slices.length - after;

  return slices.map((slice, k) => {
    if (k < before) return old[k]!;
    if (k >= firstAfter) return moved(old[old.length - slices.length + k]!, slice, mode);
    const sectionText = text.slice(slice.start, slice.end);
    const same = byText.get(sectionText)?.shift();
    return same ? moved(same, slice, mode) : readSection(text, slice, sectionText);
  });
}

function moved(model: SectionModel, slice: SectionSlice, mode: ReuseMode): SectionModel {
  if (model.start === slice.start) return model;
  if (mode === "replaced") {
    model.moveTo(slice.start);
    return model;
  }
  return new SectionModel(model.text, model.parsed, slice, slice.start);
}

function readSection(text: string, slice: SectionSlice, sectionText?: string): SectionModel {
  const own = sectionText ?? text.slice(slice.start, slice.end);
  return new SectionModel(own, parseSection(own, slice), slice, slice.start);
}
