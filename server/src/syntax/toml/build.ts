/**
 * Builds the configuration model from parsed sections: resolves each header to its table,
 * expands dotted keys, and enforces TOML's rule that a key or table is defined once, across
 * sections (each section was parsed alone, so only this step sees the whole document).
 */
import type { AST } from "toml-eslint-parser";
import type {
  ArrayValue,
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

interface KeyPart {
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

export class ModelBuilder {
  readonly root: TableValue = newTable("root", { start: 0, end: 0 });
  readonly problems: SyntaxProblem[] = [];
  readonly sections: Section[] = [];

  addSection(slice: SectionSlice, parsed: ParsedSection): void {
    const at = slice.start;
    for (const p of parsed.problems) {
      this.problems.push({ span: { start: at + p.start, end: at + p.end }, message: p.message });
    }

    const headerNode = parsed.header;
    const headerPath = headerNode ? keyParts(headerNode.key, at) : undefined;
    const contentEnd = at + contentLength(parsed);

    let table: TableValue | undefined = this.root;
    if (headerPath && headerPath.length > MAX_DEPTH) {
      this.tooDeep(headerPath[MAX_DEPTH]!.span);
      table = undefined;
    } else if (headerNode && headerPath) {
      const headerLine = { start: at + headerNode.range[0], end: at + parsed.headerEnd };
      table = this.openHeader(headerPath, headerNode.kind === "array", headerLine, contentEnd);
    } else if (parsed.headerBroken) {
      table = undefined;
    }

    const keys: SectionKey[] = [];
    for (const unit of parsed.units) {
      for (const node of unit.body) {
        if (node.type !== "TOMLKeyValue") continue;
        const path = keyParts(node.key, at + unit.offset);
        keys.push({ path: path.map((k) => k.name), span: shift(node.key.range, at + unit.offset) });
        const depth = (headerPath?.length ?? 0) + path.length;
        if (table) this.insertAt(depth, table, path, node.value, at + unit.offset);
      }
    }

    this.root.span = { start: 0, end: Math.max(this.root.span.end, contentEnd) };
    this.sections.push({
      header:
        headerPath && headerNode
          ? {
              path: headerPath.map((k) => k.name),
              pathSpans: headerPath.map((k) => k.span),
              array: headerNode.kind === "array",
              span: { start: at + headerNode.range[0], end: at + parsed.headerEnd },
            }
          : undefined,
      span: { start: slice.start, end: slice.end },
      keys,
      commentedHeaders: parsed.commentedHeaders.map((c) => ({
        path: c.path,
        span: { start: at + c.start, end: at + c.end },
      })),
    });
  }

  /** Finds or creates the table a `[a.b]` or `[[a.b]]` header opens. */
  private openHeader(
    path: readonly KeyPart[],
    array: boolean,
    header: Span,
    contentEnd: number,
  ): TableValue | undefined {
    let current = this.root;
    for (const [i, part] of path.entries()) {
      const last = i === path.length - 1;
      const existing = current.entries.get(part.name);
      extendTo(current, contentEnd);

      if (!last) {
        if (!existing) {
          const implicit = newTable("implicit", part.span);
          current.entries.set(part.name, { key: part.name, keySpan: part.span, value: implicit });
          current = implicit;
        } else if (existing.value.kind === "table" && existing.value.form !== "inline") {
          current = existing.value;
        } else if (existing.value.kind === "array" && existing.value.form === "tables") {
          current = existing.value.items.at(-1) as TableValue;
          extendTo(existing.value, contentEnd);
        } else {
          return this.conflict(path, i, existing.keySpan, header);
        }
        continue;
      }

      const table = newTable("header", { start: header.start, end: contentEnd });
      table.header = header;
      if (array) {
        if (!existing) {
          const items: ConfigValue[] = [table];
          const value: ArrayValue = { kind: "array", form: "tables", items, span: table.span };
          current.entries.set(part.name, { key: part.name, keySpan: part.span, value });
        } else if (existing.value.kind === "array" && existing.value.form === "tables") {
          existing.value.items.push(table);
          extendTo(existing.value, contentEnd);
        } else {
          return this.conflict(path, i, existing.keySpan, header);
        }
        return table;
      }
      if (!existing) {
        current.entries.set(part.name, { key: part.name, keySpan: part.span, value: table });
        return table;
      }
      if (existing.value.kind === "table" && existing.value.form === "implicit") {
        // `[env.staging.vars]` came first and named `[env.staging]` on the way; now it is
        // defined for real, and its header is where people expect to be taken.
        existing.value.form = "header";
        existing.value.header = header;
        existing.value.span = {
          start: header.start,
          end: Math.max(contentEnd, existing.value.span.end),
        };
        return existing.value;
      }
      return this.conflict(
        path,
        i,
        existing.value.kind === "table" && existing.value.header
          ? existing.value.header
          : existing.keySpan,
        header,
      );
    }
    return undefined;
  }

  private conflict(
    path: readonly KeyPart[],
    index: number,
    earlier: Span,
    header: Span,
  ): undefined {
    const name = path
      .slice(0, index + 1)
      .map((k) => k.name)
      .join(".");
    this.problems.push({
      span: header,
      message: `TOML syntax: "${name}" is already defined above, so this header cannot define it again.`,
      related: earlier,
    });
    return undefined;
  }

  /** Inserts a key's value, unless the key alone would take the model past `MAX_DEPTH`. */
  private insertAt(
    depth: number,
    table: TableValue,
    path: readonly KeyPart[],
    node: AST.TOMLContentNode,
    at: number,
  ): void {
    if (depth > MAX_DEPTH) return this.tooDeep(path[0]!.span);
    this.insert(table, path, this.toValue(node, at, depth));
  }

  private tooDeep(span: Span): void {
    this.problems.push({ span, message: `TOML syntax: ${TOO_DEEP}` });
  }

  /** Sets `a.b.c = value` in a table, making the dotted tables on the way. */
  private insert(table: TableValue, path: readonly KeyPart[], value: ConfigValue): void {
    let current = table;
    for (const [i, part] of path.entries()) {
      extendTo(current, value.span.end);
      const existing = current.entries.get(part.name);
      if (i === path.length - 1) {
        if (existing) return this.duplicate(path, i, existing.keySpan);
        current.entries.set(part.name, { key: part.name, keySpan: part.span, value });
        return;
      }
      if (!existing) {
        const dotted = newTable("dotted", { start: part.span.start, end: value.span.end });
        current.entries.set(part.name, { key: part.name, keySpan: part.span, value: dotted });
        current = dotted;
      } else if (existing.value.kind === "table" && isExtensible(existing.value.form)) {
        current = existing.value;
      } else {
        return this.duplicate(path, i, existing.keySpan);
      }
    }
  }

  private duplicate(path: readonly KeyPart[], index: number, earlier: Span): void {
    const name = path
      .slice(0, index + 1)
      .map((k) => k.name)
      .join(".");
    this.problems.push({
      span: path[index]!.span,
      message: `TOML syntax: the key "${name}" is defined twice; TOML allows each key once per table.`,
      related: earlier,
    });
  }

  /** The model of a value found `depth` levels down; what lies past `MAX_DEPTH` is left out. */
  private toValue(node: AST.TOMLContentNode, at: number, depth: number): ConfigValue {
    const span = shift(node.range, at);
    const full = depth > MAX_DEPTH && node.type !== "TOMLValue";
    if (full) this.tooDeep(span);
    switch (node.type) {
      case "TOMLArray":
        return {
          kind: "array",
          form: "inline",
          items: full ? [] : node.elements.map((element) => this.toValue(element, at, depth + 1)),
          span,
        };
      case "TOMLInlineTable": {
        const table = newTable("inline", span);
        for (const pair of full ? [] : node.body) {
          const path = keyParts(pair.key, at);
          this.insertAt(depth + path.length, table, path, pair.value, at);
        }
        table.span = span;
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
}

function newTable(form: TableForm, span: Span): TableValue {
  return { kind: "table", form, entries: new Map(), span };
}

/** Dotted keys may add to tables made by other dotted keys or named on the way to a header. */
function isExtensible(form: TableForm): boolean {
  return form === "dotted" || form === "implicit";
}

function extendTo(value: TableValue | ArrayValue, end: number): void {
  if (end > value.span.end) value.span = { start: value.span.start, end };
}

function keyParts(key: AST.TOMLKey, at: number): KeyPart[] {
  return key.keys.map((part) => ({
    name: part.type === "TOMLBare" ? part.name : part.value,
    span: shift(part.range, at),
  }));
}

function shift(range: readonly [number, number], at: number): Span {
  return { start: range[0] + at, end: range[1] + at };
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
