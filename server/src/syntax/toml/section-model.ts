/**
 * One section's part of the model: its header, its keys with their values, its problems. It
 * depends on the section's text only, so an edit elsewhere leaves it as it is; an edit before
 * it only moves it: every place it records is kept relative to the section's start, so moving
 * the section is one assignment (`moveTo`).
 */
import type { AST } from "toml-eslint-parser";
import type {
  ConfigValue,
  Section,
  SectionKey,
  Span,
  SyntaxProblem,
  TableForm,
  TableValue,
} from "../model";
import type { ParsedSection } from "./parse-section";
import { MAX_NESTING, TOO_DEEP, type SectionSlice } from "./sections";

export interface KeyPart {
  readonly name: string;
  readonly span: Span;
}

/**
 * How deep the model may nest: header parts, key parts, arrays and inline tables together.
 * The section scanner already keeps values nested deeper than this from the parser; keys with
 * thousands of parts are the rest. Every reader of the model (checks, completion, hover,
 * symbols) recurses once per level, so a deeper model would exhaust their stack.
 */
const MAX_DEPTH = MAX_NESTING;

/** Where a section starts; every place the section records is relative to it. */
interface Anchor {
  at: number;
}

/**
 * A span of a section, stored relative to the section's start: moving the section moves all its
 * spans at once. It reads as any span; spread it (`{ ...span }`) and you copy its parts, not
 * its offsets: copy `start` and `end` instead.
 */
export class SectionPlace implements Span {
  constructor(
    private readonly anchor: Anchor,
    private from: number,
    private to: number,
  ) {}

  get start(): number {
    return this.anchor.at + this.from;
  }

  get end(): number {
    return this.anchor.at + this.to;
  }

  /** Grows the span to reach `end`: a table gains keys while its section is read. */
  reach(end: number): void {
    this.to = Math.max(this.to, end - this.anchor.at);
  }

  /** The same span of a copy of the section (see `SectionModel.relocated`). */
  onto(anchor: Anchor): SectionPlace {
    return new SectionPlace(anchor, this.from, this.to);
  }

  toJSON(): Span {
    return { start: this.start, end: this.end };
  }
}

export class SectionModel {
  /** The table the section writes its keys into: its header's, or the root's for the first. */
  readonly table?: TableValue;
  readonly path?: readonly KeyPart[];
  readonly array: boolean;
  readonly section: Section;
  readonly problems: SyntaxProblem[] = [];
  /** From the section's start to the end of the last thing written in it. */
  readonly content: Span;
  /** Where the section starts, shared by all its places. */
  private readonly anchor: Anchor;

  /** Where the header's closing bracket ends, relative to the section. */
  readonly headerEnd: number;

  /**
   * Reads the model from the section's parse, which is not kept: the parser's tree is most of
   * the memory a parse takes.
   */
  constructor(
    /** The section's text, by which a later version of the document finds it again. */
    readonly text: string,
    parsed: ParsedSection,
    slice: SectionSlice,
    at: number,
    /**
     * The model this one replaces, at the same place, given up by its document. When the header
     * is the same, its places are taken over, so that what the document's tree says of the
     * header (`build.ts`) stays true and moves with this model (see `patch.ts`).
     */
    replaces?: SectionModel,
  ) {
    const header = parsed.header;
    const same = replaces && sameHeader(replaces, text, parsed, at) ? replaces : undefined;
    // The replaced model is given up: its places, the header's included, now move with this one.
    this.anchor = same ? same.anchor : { at };
    this.headerEnd = parsed.headerEnd;
    for (const p of parsed.problems) {
      this.problems.push({ span: this.place(p.start, p.end), message: p.message });
    }
    this.path = header && (same ? same.path! : this.keyParts(header.key, 0));
    this.array = header?.kind === "array";
    const length = contentLength(parsed);
    this.content = this.place(0, length);
    const headerSpan =
      header && (same ? same.section.header!.span : this.place(header.range[0], parsed.headerEnd));

    if (this.path && this.path.length > MAX_DEPTH) {
      this.tooDeep(this.path[MAX_DEPTH]!.span);
    } else if (header) {
      this.table = this.newTable("header", header.range[0], length);
      this.table.header = same
        ? same.table!.header!
        : this.place(header.range[0], parsed.headerEnd);
    } else if (!parsed.headerBroken) {
      this.table = this.newTable("root", 0, 0);
    }

    const keys: SectionKey[] = [];
    for (const unit of parsed.units) {
      for (const node of unit.body) {
        if (node.type !== "TOMLKeyValue") continue;
        const path = this.keyParts(node.key, unit.offset);
        const [start, end] = node.key.range;
        keys.push({
          path: path.map((k) => k.name),
          span: this.place(unit.offset + start, unit.offset + end),
        });
        const depth = (this.path?.length ?? 0) + path.length;
        if (this.table) this.insertAt(depth, this.table, path, node.value, unit.offset);
      }
    }

    this.section = {
      header: same
        ? same.section.header
        : this.path && headerSpan
          ? {
              path: this.path.map((k) => k.name),
              pathSpans: this.path.map((k) => k.span),
              array: this.array,
              span: headerSpan,
            }
          : undefined,
      span: this.place(0, slice.end - slice.start),
      keys,
      commentedHeaders: parsed.commentedHeaders.map((c) => ({
        path: c.path,
        span: this.place(c.start, c.end),
      })),
    };
  }

  /** Where the section starts in the document. */
  get start(): number {
    return this.anchor.at;
  }

  /** Moves the section, and so every place it records, to its new start. */
  moveTo(start: number): void {
    this.anchor.at = start;
  }

  /**
   * A copy of the model at another start, for a version of the document that leaves this one
   * in use where it is. The copy is made from the model, since the parse is not kept.
   */
  relocated(start: number): SectionModel {
    const anchor: Anchor = { at: start };
    const { table, path, section, problems, content } = this;
    const moved = relocate({ table, path, section, problems, content }, anchor, new Map());
    return Object.assign(Object.create(SectionModel.prototype) as SectionModel, {
      ...moved,
      text: this.text,
      headerEnd: this.headerEnd,
      array: this.array,
      anchor,
    });
  }

  /** A span of the section, given relative to its start, that moves with it. */
  private place(start: number, end: number): Span {
    return new SectionPlace(this.anchor, start, end);
  }

  private newTable(form: TableForm, start: number, end: number): TableValue {
    return { kind: "table", form, entries: new Map(), span: this.place(start, end) };
  }

  /** Inserts a key's value, unless the key alone would take the model past `MAX_DEPTH`. */
  private insertAt(
    depth: number,
    table: TableValue,
    path: readonly KeyPart[],
    node: AST.TOMLContentNode,
    offset: number,
  ): void {
    if (depth > MAX_DEPTH) return this.tooDeep(path[0]!.span);
    this.insert(table, path, this.toValue(node, offset, depth));
  }

  private tooDeep(span: Span): void {
    this.problems.push({ span, message: `TOML syntax: ${TOO_DEEP}` });
  }

  /** Sets `a.b.c = value` in a table, making the dotted tables on the way. */
  private insert(table: TableValue, path: readonly KeyPart[], value: ConfigValue): void {
    let current = table;
    for (const [i, part] of path.entries()) {
      this.extend(current, value.span.end);
      const existing = current.entries.get(part.name);
      if (i === path.length - 1) {
        if (existing) return this.duplicate(path, i, existing.keySpan);
        current.entries.set(part.name, { key: part.name, keySpan: part.span, value });
        return;
      }
      if (!existing) {
        const dotted = this.newTable(
          "dotted",
          part.span.start - this.start,
          value.span.end - this.start,
        );
        current.entries.set(part.name, { key: part.name, keySpan: part.span, value: dotted });
        current = dotted;
      } else if (existing.value.kind === "table" && existing.value.form === "dotted") {
        current = existing.value;
      } else {
        return this.duplicate(path, i, existing.keySpan);
      }
    }
  }

  /** Tables of this section grow in place: their spans are the section's own. */
  private extend(table: TableValue, end: number): void {
    (table.span as SectionPlace).reach(end);
  }

  private duplicate(path: readonly KeyPart[], index: number, earlier: Span): void {
    this.problems.push(duplicateKey(path, index, earlier));
  }

  /** The model of a value found `depth` levels down; what lies past `MAX_DEPTH` is left out. */
  private toValue(node: AST.TOMLContentNode, offset: number, depth: number): ConfigValue {
    const span = this.place(offset + node.range[0], offset + node.range[1]);
    const full = depth > MAX_DEPTH && node.type !== "TOMLValue";
    if (full) this.tooDeep(span);
    switch (node.type) {
      case "TOMLArray":
        return {
          kind: "array",
          form: "inline",
          items: full
            ? []
            : node.elements.map((element) => this.toValue(element, offset, depth + 1)),
          span,
        };
      case "TOMLInlineTable": {
        const table: TableValue = { kind: "table", form: "inline", entries: new Map(), span };
        for (const pair of full ? [] : node.body) {
          const path = this.keyParts(pair.key, offset);
          this.insertAt(depth + path.length, table, path, pair.value, offset);
        }
        return table;
      }
      case "TOMLValue":
        switch (node.kind) {
          case "string":
            return { kind: "string", value: node.value, span };
          case "integer":
            return { kind: "integer", value: node.value, span };
          case "float":
            return { kind: "float", value: node.value, span };
          case "boolean":
            return { kind: "boolean", value: node.value, span };
          default:
            return { kind: "datetime", value: node.datetime, span };
        }
    }
  }

  private keyParts(key: AST.TOMLKey, offset: number): KeyPart[] {
    return key.keys.map((part) => ({
      name: part.type === "TOMLBare" ? part.name : part.value,
      span: this.place(offset + part.range[0], offset + part.range[1]),
    }));
  }
}

/**
 * A copy of a section's model data with its places on `anchor`. Objects the model reaches twice
 * (a key's span is also its entry's) are copied once, so the copy is shaped as the original.
 */
function relocate<T>(value: T, anchor: Anchor, copies: Map<object, unknown>): T {
  if (typeof value !== "object" || value === null) return value;
  if (copies.has(value)) return copies.get(value) as T;
  if (value instanceof SectionPlace) {
    const place = value.onto(anchor);
    copies.set(value, place);
    return place as T;
  }
  if (value instanceof Map) {
    const map = new Map();
    copies.set(value, map);
    for (const [key, item] of value) map.set(key, relocate(item, anchor, copies));
    return map as T;
  }
  if (Array.isArray(value)) {
    const list: unknown[] = [];
    copies.set(value, list);
    for (const item of value) list.push(relocate(item, anchor, copies));
    return list as T;
  }
  const object: Record<string, unknown> = {};
  copies.set(value, object);
  for (const [key, item] of Object.entries(value)) object[key] = relocate(item, anchor, copies);
  return object as T;
}

/** TOML's message for a key given twice, with where it was given first. */
export function duplicateKey(
  path: readonly KeyPart[],
  index: number,
  earlier: Span,
): SyntaxProblem {
  return {
    span: path[index]!.span,
    message: `TOML syntax: the key "${dottedName(path, index)}" is defined twice; TOML allows each key once per table.`,
    related: earlier,
  };
}

/** The key's parts up to `index`, as written in a dotted key: `env.staging.vars`. */
export function dottedName(path: readonly KeyPart[], index: number): string {
  return path
    .slice(0, index + 1)
    .map((k) => k.name)
    .join(".");
}

/**
 * Whether `next` has the header `previous` had, at the same place, so that it may take over the
 * header's places. A header whose path is too deep for a table is read anew.
 */
function sameHeader(
  previous: SectionModel,
  text: string,
  parsed: ParsedSection,
  at: number,
): boolean {
  const end = parsed.headerEnd;
  return (
    parsed.header !== undefined &&
    previous.table?.header !== undefined &&
    previous.start === at &&
    previous.headerEnd === end &&
    previous.text.slice(0, end) === text.slice(0, end)
  );
}

/** The end of the last thing written in the section, relative to its start. */
function contentLength(parsed: ParsedSection): number {
  let end = parsed.headerEnd;
  for (const unit of parsed.units) {
    const last = unit.body.at(-1);
    if (last) end = Math.max(end, unit.offset + last.range[1]);
  }
  return end;
}
