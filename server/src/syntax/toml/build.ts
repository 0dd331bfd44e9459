/**
 * Builds the document's model from its sections' models: links each section's table where its
 * header puts it, and enforces TOML's rule that a table is defined once, across sections (each
 * section was read alone, so only this step sees the whole document).
 *
 * The sections' tables are shared with earlier versions of the document and are never changed
 * here: a table that other sections add to (`[env.staging]` gains `[env.staging.vars]`) is
 * copied first. The copies, the `[[…]]` arrays and the tables only named on the way to a
 * header are this build's own, made again for each version.
 */
import type { ArrayValue, Entry, Span, SyntaxProblem, TableForm, TableValue } from "../model";
import { dottedName, duplicateKey, type KeyPart, type SectionModel } from "./section-model";

export interface BuiltModel {
  readonly root: TableValue;
  readonly problems: SyntaxProblem[];
  readonly sections: SectionModel["section"][];
  /** How the sections were linked, so that an edit inside one can patch the tree (`patch.ts`). */
  readonly links: Links;
}

/** A step from a table to one of its keys, or from an array of tables to one of its items. */
export type Step = string | number;

export interface Links {
  /** The tables and arrays the build made (and may change); every other one is a section's. */
  readonly own: Set<TableValue | ArrayValue>;
  /**
   * For each section whose table was put into the tree as the section made it, the steps from
   * the root to it: no other section added to it, so the section can be swapped alone.
   */
  readonly slots: (readonly Step[] | undefined)[];
  /** Problems the linking found (a table defined twice); the sections' own are not counted. */
  readonly conflicts: number;
  /**
   * The build's copies of sections' tables (`[env.staging]`, which `[env.staging.vars]` adds
   * to), each with the table it copied.
   */
  readonly copies: Map<TableValue, TableValue>;
}

export function buildModel(models: readonly SectionModel[]): BuiltModel {
  return new ModelBuilder(models).built;
}

class ModelBuilder {
  readonly built: BuiltModel;
  private readonly root = newTable("root", { start: 0, end: 0 });
  private readonly problems: SyntaxProblem[] = [];
  /** The tables and arrays this build made, which it may change. */
  private readonly own = new Set<TableValue | ArrayValue>([this.root]);
  private readonly slots: (readonly Step[] | undefined)[] = [];
  private readonly copies = new Map<TableValue, TableValue>();
  private conflicts = 0;

  constructor(models: readonly SectionModel[]) {
    for (const model of models) {
      for (const problem of model.problems) this.problems.push(problem);
      const contentEnd = model.content.end;
      let slot: readonly Step[] | undefined;
      if (model.table && model.path) {
        slot = this.link(model.path, model.array, model.table, contentEnd);
      } else if (model.table) {
        this.run = undefined;
        this.merge(this.root, model.table, []);
      }
      this.slots.push(slot);
      extendTo(this.root, contentEnd);
    }
    this.built = {
      root: this.root,
      problems: this.problems,
      sections: models.map((model) => model.section),
      links: { own: this.own, slots: this.slots, conflicts: this.conflicts, copies: this.copies },
    };
  }

  /**
   * The last `[[a.b]]` linked, with the tables and arrays its walk went through. The next
   * section is often another `[[a.b]]`, and with nothing linked in between its walk would go
   * through the same ones: a large file is mostly such runs.
   */
  private run?: {
    readonly path: readonly KeyPart[];
    readonly passed: readonly (TableValue | ArrayValue)[];
    readonly items: ArrayValue;
    /** The steps from the root to `items`. */
    readonly steps: readonly Step[];
  };

  /**
   * Puts a section's table where its `[a.b]` or `[[a.b]]` header says; returns the steps to it
   * when it stands there as the section made it.
   */
  private link(
    path: readonly KeyPart[],
    array: boolean,
    table: TableValue,
    contentEnd: number,
  ): Step[] | undefined {
    const run = this.run;
    if (array && run && samePath(run.path, path)) {
      for (const value of run.passed) extendTo(value, contentEnd);
      run.items.items.push(table);
      extendTo(run.items, contentEnd);
      return [...run.steps, run.items.items.length - 1];
    }
    this.run = undefined;
    const passed: (TableValue | ArrayValue)[] = [];
    const steps: Step[] = [];
    const header = table.header!;
    let current = this.root;
    for (let i = 0; i < path.length; i++) {
      const part = path[i]!;
      const existing = current.entries.get(part.name);
      extendTo(current, contentEnd);
      passed.push(current);
      steps.push(part.name);

      if (i < path.length - 1) {
        if (!existing) {
          const implicit = newTable("implicit", copyOf(part.span));
          this.own.add(implicit);
          current.entries.set(part.name, { key: part.name, keySpan: part.span, value: implicit });
          current = implicit;
        } else if (existing.value.kind === "table" && existing.value.form !== "inline") {
          current = this.writableTable(current, existing);
        } else if (existing.value.kind === "array" && existing.value.form === "tables") {
          const items = this.writableArray(current, existing);
          extendTo(items, contentEnd);
          passed.push(items);
          steps.push(items.items.length - 1);
          current = this.writableLastItem(items);
        } else {
          return this.conflict(path, i, existing.keySpan, header);
        }
        continue;
      }

      if (array) {
        if (!existing) {
          const items: ArrayValue = {
            kind: "array",
            form: "tables",
            items: [table],
            span: copyOf(table.span),
          };
          this.own.add(items);
          current.entries.set(part.name, { key: part.name, keySpan: part.span, value: items });
          this.run = { path, passed, items, steps };
          return [...steps, 0];
        } else if (existing.value.kind === "array" && existing.value.form === "tables") {
          const items = this.writableArray(current, existing);
          items.items.push(table);
          extendTo(items, contentEnd);
          this.run = { path, passed, items, steps };
          return [...steps, items.items.length - 1];
        } else {
          return this.conflict(path, i, existing.keySpan, header);
        }
      }
      if (!existing) {
        current.entries.set(part.name, { key: part.name, keySpan: part.span, value: table });
        return steps;
      }
      if (existing.value.kind === "table" && existing.value.form === "implicit") {
        // `[env.staging.vars]` came first and named `[env.staging]` on the way; now it is
        // defined for real, and its header is where people expect to be taken.
        const named = this.writableTable(current, existing);
        named.form = "header";
        named.header = header;
        named.span = { start: header.start, end: Math.max(contentEnd, named.span.end) };
        this.merge(named, table, []);
        return;
      }
      const earlier =
        existing.value.kind === "table" && existing.value.header
          ? existing.value.header
          : existing.keySpan;
      return this.conflict(path, i, earlier, header);
    }
  }

  /** Adds a section's keys to a table other sections made, as if written there. */
  private merge(into: TableValue, from: TableValue, path: readonly KeyPart[]): void {
    for (const entry of from.entries.values()) {
      const here = [...path, { name: entry.key, span: entry.keySpan }];
      const existing = into.entries.get(entry.key);
      extendTo(into, entry.value.span.end);
      if (!existing) {
        into.entries.set(entry.key, entry);
      } else if (
        entry.value.kind === "table" &&
        entry.value.form === "dotted" &&
        existing.value.kind === "table" &&
        (existing.value.form === "dotted" || existing.value.form === "implicit")
      ) {
        this.merge(this.writableTable(into, existing), entry.value, here);
      } else {
        this.conflicts++;
        this.problems.push(duplicateKey(here, here.length - 1, existing.keySpan));
      }
    }
  }

  /** The table of an entry of `parent` (one of this build's), copied first if not its own. */
  private writableTable(parent: TableValue, entry: Entry): TableValue {
    const table = entry.value as TableValue;
    if (this.own.has(table)) return table;
    const copy = this.ownCopy(table);
    parent.entries.set(entry.key, { ...entry, value: copy });
    return copy;
  }

  private writableArray(parent: TableValue, entry: Entry): ArrayValue {
    const array = entry.value as ArrayValue;
    if (this.own.has(array)) return array;
    const copy: ArrayValue = { ...array, items: [...array.items], span: copyOf(array.span) };
    this.own.add(copy);
    parent.entries.set(entry.key, { ...entry, value: copy });
    return copy;
  }

  /** `[a.b]` after `[[a]]` adds to the last `a`. */
  private writableLastItem(array: ArrayValue): TableValue {
    const last = array.items.length - 1;
    const item = array.items[last] as TableValue;
    if (this.own.has(item)) return item;
    return (array.items[last] = this.ownCopy(item));
  }

  /** A copy of a section's table that this build may add to; the section's stays as it was. */
  private ownCopy(table: TableValue): TableValue {
    const copy: TableValue = {
      ...table,
      entries: new Map(table.entries),
      span: copyOf(table.span),
    };
    this.own.add(copy);
    this.copies.set(copy, table);
    return copy;
  }

  private conflict(
    path: readonly KeyPart[],
    index: number,
    earlier: Span,
    header: Span,
  ): undefined {
    this.conflicts++;
    this.problems.push({
      span: header,
      message: `TOML syntax: "${dottedName(path, index)}" is already defined above, so this header cannot define it again.`,
      related: earlier,
    });
  }
}

function samePath(a: readonly KeyPart[], b: readonly KeyPart[]): boolean {
  return a.length === b.length && a.every((part, i) => part.name === b[i]!.name);
}

/** A span of this build's own: a section's spans are relative to it and move with it. */
function copyOf(span: Span): Span {
  return { start: span.start, end: span.end };
}

function newTable(form: TableForm, span: Span): TableValue {
  return { kind: "table", form, entries: new Map(), span };
}

/**
 * Grows a table or array of this build to cover what another section adds to it. Its span is
 * its own (made by this build), so it grows in place.
 */
function extendTo(value: TableValue | ArrayValue, end: number): void {
  if (end > value.span.end) (value.span as { end: number }).end = end;
}
