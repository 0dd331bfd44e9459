/**
 * Reads a TOML Worker configuration into the model. After an edit, only the sections the edit
 * touched are scanned and parsed again; the others keep their models, moved if the edit
 * shifted them, and the document's model is linked together from them.
 */
import type { ConfigDocument } from "../model";
import { changedRange, type TextChange } from "../text-change";
import { buildModel, type BuiltModel } from "./build";
import { patchModel } from "./patch";
import { parseSection } from "./parse-section";
import { SectionModel } from "./section-model";
import { resplitSections, splitSections, type Resplit, type SectionSlice } from "./sections";

/** What the next version of a document can reuse of this one. */
export interface TomlReuse {
  readonly text: string;
  readonly slices: readonly SectionSlice[];
  readonly models: readonly SectionModel[];
  readonly built: BuiltModel;
}

export interface TomlParse {
  readonly document: ConfigDocument;
  readonly reuse: TomlReuse;
}

/**
 * How the previous version may be reused. `replaced`: it is dropped for the new one, so its
 * section models move to their new places (the previous document must not be read again).
 * `kept`: it stays in use, so models that would move are copied to their new places instead.
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
  let built: BuiltModel | undefined;
  const change = previous && (known ?? changedRange(previous.text, text));
  if (previous && !change) {
    ({ slices, models } = previous);
  } else if (previous && change) {
    const resplit = resplitSections(previous.slices, change, text);
    slices = resplit.slices;
    const swapped = mode === "replaced" ? swappedIndex(resplit, previous.slices) : undefined;
    models = reuseModels(text, resplit, previous.models, mode, swapped);
    if (swapped !== undefined) {
      built = patchModel(previous.built, models, {
        index: swapped,
        before: previous.models[swapped]!,
        after: models[swapped]!,
        oldEnd: previous.slices[swapped]!.end,
        delta: change.insertedEnd - change.removedEnd,
      });
    }
  } else {
    slices = splitSections(text);
    models = slices.map((slice) => readSection(text, slice));
  }

  built ??= buildModel(models);
  const { root, problems, sections } = built;
  const document: ConfigDocument = { format: "toml", text, root, problems, sections };
  return { document, reuse: { text, slices, models, built } };
}

/** The one section an edit changed, when it changed one and the sections are the same many. */
function swappedIndex(resplit: Resplit, old: readonly SectionSlice[]): number | undefined {
  const { slices, before, after } = resplit;
  return slices.length === old.length && before + after === old.length - 1 ? before : undefined;
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
  swapped?: number,
): SectionModel[] {
  const byText = new Map<string, SectionModel[]>();
  for (const model of old.slice(before, old.length - after)) {
    byText.set(model.text, [...(byText.get(model.text) ?? []), model]);
  }
  const firstAfter = slices.length - after;

  return slices.map((slice, k) => {
    if (k < before) return old[k]!;
    if (k >= firstAfter) return moved(old[old.length - slices.length + k]!, slice, mode);
    const sectionText = detached(text, slice.start, slice.end);
    const same = byText.get(sectionText)?.shift();
    if (same) return moved(same, slice, mode);
    // The one section changed takes over its old header's places (see `SectionModel`).
    return readSection(text, slice, sectionText, k === swapped ? old[k] : undefined);
  });
}

function moved(model: SectionModel, slice: SectionSlice, mode: ReuseMode): SectionModel {
  if (model.start === slice.start) return model;
  if (mode === "replaced") {
    model.moveTo(slice.start);
    return model;
  }
  return model.relocated(slice.start);
}

function readSection(
  text: string,
  slice: SectionSlice,
  sectionText?: string,
  replaces?: SectionModel,
): SectionModel {
  const own = sectionText ?? detached(text, slice.start, slice.end);
  return new SectionModel(own, parseSection(own, slice), slice, slice.start, replaces);
}

/**
 * A section's text as a string of its own. V8 makes a slice of a long string a view that keeps
 * the whole string alive: a section kept across many versions would hold every version of the
 * document it was read from.
 */
function detached(text: string, start: number, end: number): string {
  return ` ${text.slice(start, end)}`.slice(1);
}
