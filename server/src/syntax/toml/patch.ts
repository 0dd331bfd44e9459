/**
 * After a keystroke inside one section that leaves its header as it was, the document's tree
 * is the previous one with that section's table swapped: linking every section again
 * (`build.ts`) would cost a pass over all of them. The swap copies the tables and arrays on
 * the way from the root, so every one whose content changed is a new object (checks keep
 * findings per table object), and shifts the spans of the tables and arrays the build made.
 *
 * Only for a previous version that is given up (`ReuseMode` "replaced"): its tree is changed.
 * Where the swap is not known to give what a new build gives, it declines and the caller builds.
 */
import type { ArrayValue, ConfigValue, SyntaxProblem, TableValue } from "../model";
import type { BuiltModel, Links, Step } from "./build";
import type { SectionModel } from "./section-model";

/** The one section an edit changed: its index, its model before and after, its old extent. */
export interface SwappedSection {
  readonly index: number;
  readonly before: SectionModel;
  readonly after: SectionModel;
  /** Where the section ended before the edit. */
  readonly oldEnd: number;
  /** How far the edit moved everything after the section. */
  readonly delta: number;
}

export function patchModel(
  previous: BuiltModel,
  models: readonly SectionModel[],
  swap: SwappedSection,
): BuiltModel | undefined {
  const { links } = previous;
  const { index, before, after } = swap;
  if (links.conflicts > 0 || before.start !== after.start) return undefined;

  let root: TableValue | undefined;
  const recopied: [TableValue, TableValue][] = [];
  if (before === after) root = previous.root;
  else if (before.table && after.table && after.path && after.path === before.path) {
    const slot = links.slots[index];
    root = slot && swapInTree(previous.root, slot, before.table, after.table, links, recopied);
  } else if (before.table && after.table && !before.path && !after.path) {
    root = swapRootKeys(previous.root, before.table, after.table, links);
  } else if (!before.table && !after.table && !before.path && !after.path) {
    root = previous.root;
  }
  if (!root) return undefined;

  shiftOwnSpans(links.own, swap);
  // A copy made again starts where its table now starts (a dotted table may have moved).
  for (const [copy, table] of recopied) (copy.span as { start: number }).start = table.span.start;
  const sections = previous.sections.slice();
  sections[index] = after.section;
  return { root, problems: problemsOf(previous, models, swap), sections, links };
}

/**
 * Replaces `table` at the end of `steps` with `replacement`, copying what is on the way; the
 * new root, or undefined when the tree does not hold `table` (or the build's copy of it) there.
 */
function swapInTree(
  root: TableValue,
  steps: readonly Step[],
  table: TableValue,
  replacement: TableValue,
  links: Links,
  recopied: [TableValue, TableValue][],
): TableValue | undefined {
  const path: (TableValue | ArrayValue)[] = [];
  let value: ConfigValue | undefined = root;
  for (const step of steps) {
    if (!value || (value.kind !== "table" && value.kind !== "array") || !links.own.has(value)) {
      return undefined;
    }
    path.push(value);
    value = typeof step === "number" ? itemAt(value, step) : entryValue(value, step);
  }
  let child: ConfigValue | undefined;
  if (value === table) child = replacement;
  else if (value?.kind === "table" && links.copies.get(value) === table) {
    child = recopy(value, table, replacement, links, recopied);
  }
  if (!child) return undefined;

  for (let i = steps.length - 1; i >= 0; i--) {
    const parent = path[i]!;
    const step = steps[i]!;
    let copy: TableValue | ArrayValue;
    if (parent.kind === "array") {
      copy = { ...parent, items: parent.items.slice() };
      copy.items[step as number] = child;
    } else {
      copy = { ...parent, entries: new Map(parent.entries) };
      copy.entries.set(step as string, { ...parent.entries.get(step as string)!, value: child });
    }
    replaceOwn(links, parent, copy);
    child = copy;
  }
  return child as TableValue;
}

/**
 * The build's copy of a section's table, made again from the section's new table: the keys
 * other sections added to it (`[env.staging.vars]` to `[env.staging]`) stay, after the new
 * table's own, and a table of the section that others added to is copied again the same way.
 * Declines when the section's keys and the added ones may now meet.
 */
function recopy(
  copy: TableValue,
  table: TableValue,
  replacement: TableValue,
  links: Links,
  recopied: [TableValue, TableValue][],
): TableValue | undefined {
  const entries = new Map(replacement.entries);
  for (const [key, entry] of table.entries) {
    const current = copy.entries.get(key);
    if (current === entry) continue;
    const inner = current?.value;
    const next = replacement.entries.get(key);
    if (inner?.kind !== "table" || links.copies.get(inner) !== entry.value) return undefined;
    if (next?.value.kind !== "table" || next.value.form !== (entry.value as TableValue).form) {
      return undefined;
    }
    const again = recopy(inner, entry.value as TableValue, next.value, links, recopied);
    if (!again) return undefined;
    entries.set(key, { ...next, value: again });
  }
  for (const [key, entry] of copy.entries) {
    if (table.entries.has(key)) continue;
    if (entries.has(key)) return undefined;
    entries.set(key, entry);
  }
  const fresh: TableValue = { ...copy, entries };
  replaceOwn(links, copy, fresh);
  links.copies.set(fresh, replacement);
  recopied.push([fresh, replacement]);
  return fresh;
}

/** A table or array of the build replaced by a new one, which is still a copy of what it was. */
function replaceOwn(links: Links, old: TableValue | ArrayValue, fresh: TableValue | ArrayValue) {
  links.own.delete(old);
  links.own.add(fresh);
  if (old.kind !== "table" || fresh.kind !== "table") return;
  const source = links.copies.get(old);
  if (source) {
    links.copies.delete(old);
    links.copies.set(fresh, source);
  }
}

function itemAt(value: TableValue | ArrayValue, index: number): ConfigValue | undefined {
  return value.kind === "array" ? value.items[index] : undefined;
}

function entryValue(value: TableValue | ArrayValue, key: string): ConfigValue | undefined {
  return value.kind === "table" ? value.entries.get(key)?.value : undefined;
}

/**
 * The keys before the first header are merged into the root. When the edit kept their names
 * and no other section added to them, the root takes the new entries in the old ones' places.
 */
function swapRootKeys(
  root: TableValue,
  table: TableValue,
  replacement: TableValue,
  links: Links,
): TableValue | undefined {
  if (table.entries.size !== replacement.entries.size) return undefined;
  const names = [...replacement.entries.keys()];
  let i = 0;
  for (const [name, entry] of table.entries) {
    if (names[i++] !== name || root.entries.get(name) !== entry) return undefined;
  }
  const copy: TableValue = { ...root, entries: new Map(root.entries) };
  for (const [name, entry] of replacement.entries) copy.entries.set(name, entry);
  replaceOwn(links, root, copy);
  return copy;
}

/**
 * The spans the build made start at a header and end where the last section written into them
 * ends. Those from before the section stay; those ending in it end where it now ends; the rest
 * come from later sections and move with them.
 */
function shiftOwnSpans(own: Set<TableValue | ArrayValue>, swap: SwappedSection): void {
  const { before, after, oldEnd, delta } = swap;
  const oldContentEnd = before.content.end;
  for (const value of own) {
    const span = value.span as { start: number; end: number };
    if (span.start >= oldEnd && oldEnd > before.start) span.start += delta;
    if (span.end > oldContentEnd) span.end += delta;
    else if (span.end >= before.start) span.end = after.content.end;
  }
}

/** The sections' problems, in order; the previous list when the swapped section had none. */
function problemsOf(
  previous: BuiltModel,
  models: readonly SectionModel[],
  { before, after }: SwappedSection,
): SyntaxProblem[] {
  if (before.problems.length === 0 && after.problems.length === 0) return previous.problems;
  const problems: SyntaxProblem[] = [];
  for (const model of models) for (const problem of model.problems) problems.push(problem);
  return problems;
}
