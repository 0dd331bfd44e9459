import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import {
  SymbolKind,
  type DocumentSymbol,
  type FoldingRange,
  type Range,
} from "vscode-languageserver-types";
import { bindingKinds } from "../../server/src/catalog";
import { parseConfig, type ParsedConfig } from "../../server/src/service";
import { foldingRanges } from "../../server/src/service/folding";
import { documentSymbols } from "../../server/src/service/symbols";
import { lines } from "../support/check";

/** A symbol as a test reads it: ranges as `line:character-line:character`, from 0. */
interface Shown {
  readonly name: string;
  readonly detail?: string;
  readonly kind: string;
  readonly range: string;
  /** The text the selection range covers. */
  readonly selects: string;
  readonly children?: Shown[];
}

const kindNames = new Map(Object.entries(SymbolKind).map(([name, value]) => [value, name]));
const at = (range: Range) =>
  `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

function outline(text: string): Shown[] {
  const parsed = parseConfig(text);
  const show = (symbol: DocumentSymbol): Shown => ({
    name: symbol.name,
    ...(symbol.detail !== undefined && { detail: symbol.detail }),
    kind: kindNames.get(symbol.kind as never) ?? String(symbol.kind),
    range: at(symbol.range),
    selects: text.slice(
      parsed.lines.offsetAt(symbol.selectionRange.start),
      parsed.lines.offsetAt(symbol.selectionRange.end),
    ),
    ...(symbol.children?.length && { children: symbol.children.map(show) }),
  });
  return documentSymbols(parsed).map(show);
}

describe("document symbols", () => {
  test("kinds with their bindings, environments with theirs, other keys as properties", () => {
    const text = lines(
      'name = "app"',
      "",
      "[[kv_namespaces]]",
      'binding = "CACHE"',
      'id = "abc"',
      "",
      "[[queues.consumers]]",
      'queue = "jobs"',
      "",
      "[durable_objects]",
      'code_update_strategy = { mode = "deferred" }',
      "[[durable_objects.bindings]]",
      'name = "ROOM"',
      'class_name = "Room"',
      "",
      "[vars]",
      'MODE = "prod"',
      "",
      "[env.staging]",
      'name = "app-staging"',
      "[[env.staging.kv_namespaces]]",
      'binding = "CACHE"',
    );
    const binding = (name: string, detail: string | undefined, range: string) => ({
      name,
      ...(detail !== undefined && { detail }),
      kind: "Variable",
      range,
      selects: `"${name}"`,
    });
    assert.deepEqual(outline(text), [
      { name: "name", detail: "app", kind: "Property", range: "0:0-0:12", selects: "name" },
      {
        name: "kv_namespaces",
        detail: "KV namespace",
        kind: "Array",
        range: "2:0-4:10",
        selects: "kv_namespaces",
        children: [binding("CACHE", "abc", "2:0-4:10")],
      },
      {
        name: "queues.consumers",
        detail: "Queue consumer",
        kind: "Array",
        range: "6:0-7:14",
        selects: "consumers",
        // A consumer has no binding name: it is named by the queue it reads.
        children: [
          {
            name: "jobs",
            detail: "Queue consumer",
            kind: "Object",
            range: "6:0-7:14",
            selects: "[[queues.consumers]]",
          },
        ],
      },
      {
        name: "durable_objects.code_update_strategy",
        kind: "Property",
        range: "10:0-10:44",
        selects: "code_update_strategy",
      },
      {
        name: "durable_objects.bindings",
        detail: "Durable Object",
        kind: "Array",
        range: "11:0-13:19",
        selects: "bindings",
        children: [binding("ROOM", "Room", "11:0-13:19")],
      },
      {
        name: "vars",
        detail: "Environment variable",
        kind: "Namespace",
        range: "15:0-16:13",
        selects: "vars",
        children: [{ ...binding("MODE", "prod", "16:0-16:13"), selects: "MODE" }],
      },
      {
        name: "env.staging",
        detail: "environment",
        kind: "Module",
        range: "18:0-21:17",
        selects: "staging",
        children: [
          {
            name: "name",
            detail: "app-staging",
            kind: "Property",
            range: "19:0-19:20",
            selects: "name",
          },
          {
            name: "kv_namespaces",
            detail: "KV namespace",
            kind: "Array",
            range: "20:0-21:17",
            selects: "kv_namespaces",
            children: [binding("CACHE", undefined, "20:0-21:17")],
          },
        ],
      },
    ]);
  });

  test("a kind written in two places covers both, even with an environment between them", () => {
    // The second [[kv_namespaces]] stays at the top level, although it follows [env.staging].
    const text = lines(
      "[[kv_namespaces]]",
      'binding = "A"',
      "[env.staging]",
      'name = "s"',
      "[[kv_namespaces]]",
      'binding = "B"',
    );
    assert.deepEqual(outline(text), [
      {
        name: "kv_namespaces",
        detail: "KV namespace",
        kind: "Array",
        range: "0:0-5:13",
        selects: "kv_namespaces",
        children: [
          { name: "A", kind: "Variable", range: "0:0-1:13", selects: '"A"' },
          { name: "B", kind: "Variable", range: "4:0-5:13", selects: '"B"' },
        ],
      },
      {
        name: "env.staging",
        detail: "environment",
        kind: "Module",
        range: "2:0-3:10",
        selects: "staging",
        children: [
          { name: "name", detail: "s", kind: "Property", range: "3:0-3:10", selects: "name" },
        ],
      },
    ]);
  });

  test("an entry without a name or resource is named by its place", () => {
    assert.deepEqual(outline(lines("[[send_email]]", 'allowed_sender_addresses = ["a@b.c"]')), [
      {
        name: "send_email",
        detail: "Email sender",
        kind: "Array",
        range: "0:0-1:36",
        selects: "send_email",
        children: [
          { name: "send_email[0]", kind: "Object", range: "0:0-1:36", selects: "[[send_email]]" },
        ],
      },
    ]);
  });

  test("every resource the catalog names is a field of its kind", () => {
    for (const kind of bindingKinds) {
      if (kind.resource === undefined) continue;
      assert.ok(
        kind.fields.some((field) => field.name === kind.resource),
        `${kind.key}: ${kind.resource}`,
      );
    }
  });
});

describe("folding ranges", () => {
  test("sections, bracketed values over several lines, and comment runs", () => {
    const text = lines(
      "# Worker settings", // 0
      "# for the demo",
      'name = "app"',
      "compatibility_flags = [",
      '  "nodejs_compat",',
      "]", // 5
      "",
      "[[kv_namespaces]]",
      'binding = "CACHE"',
      'id = "abc"',
      "", // 10
      "# The bucket below",
      "[[r2_buckets]]",
      'binding = "B"',
      '# preview_bucket_name = "b"',
      "", // 15
      "[vars]",
      "CONFIG = { a = 1,",
      "  b = 2 }",
      'NOTE = """',
      "# not a comment", // 20
      "# nor this",
      '"""',
      "[env.x]",
    );
    const expected: FoldingRange[] = [
      { startLine: 0, endLine: 1, kind: "comment" },
      { startLine: 3, endLine: 4 },
      // The comment right above [[r2_buckets]] introduces it, so this section stops before it.
      { startLine: 7, endLine: 9 },
      { startLine: 12, endLine: 14 },
      { startLine: 16, endLine: 22 },
      { startLine: 17, endLine: 18 },
    ];
    assert.deepEqual(foldingRanges(parseConfig(text)), expected);
  });

  test("a JSON configuration folds its objects and arrays", () => {
    const text = lines("{", '  "kv_namespaces": [', '    { "binding": "A" }', "  ]", "}");
    assert.deepEqual(foldingRanges(parseConfig(text, undefined, "json")), [
      { startLine: 0, endLine: 3 },
      { startLine: 1, endLine: 2 },
    ]);
  });
});

describe("symbols and folding over the real corpus", () => {
  const corpus = resolve(__dirname, "../../../shared/corpus/real");
  const toml = readdirSync(corpus).filter((name) => name.endsWith(".toml"));
  const json = readdirSync(corpus).filter((name) => /\.jsonc?$/.test(name));

  const before = (a: Range["start"], b: Range["start"]) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  const inside = (inner: Range, outer: Range) =>
    before(outer.start, inner.start) && before(inner.end, outer.end);

  /** Checks every symbol below `parent` and returns how many there were. */
  function checkSymbols(parsed: ParsedConfig, symbols: DocumentSymbol[], parent?: Range): number {
    const whole: Range = {
      start: { line: 0, character: 0 },
      end: parsed.lines.positionAt(parsed.document.text.length),
    };
    let count = 0;
    for (const symbol of symbols) {
      const where = `${symbol.name} ${at(symbol.range)}`;
      assert.ok(symbol.name.length > 0, where);
      assert.ok(inside(symbol.range, whole), `${where} lies in the document`);
      assert.ok(inside(symbol.selectionRange, symbol.range), `${where} selects inside itself`);
      if (parent) assert.ok(inside(symbol.range, parent), `${where} nests in ${at(parent)}`);
      count += 1 + checkSymbols(parsed, symbol.children ?? [], symbol.range);
    }
    return count;
  }

  function checkFolding(name: string, parsed: ParsedConfig, ranges: FoldingRange[]): void {
    const lineCount = parsed.lines.positionAt(parsed.document.text.length).line + 1;
    for (const [i, range] of ranges.entries()) {
      assert.ok(0 <= range.startLine && range.startLine < range.endLine, name);
      assert.ok(range.endLine < lineCount, `${name}: ${range.endLine} < ${lineCount}`);
      if (i > 0) assert.ok(ranges[i - 1]!.startLine < range.startLine, `${name}: one per line`);
    }
  }

  test("the corpus is there", () => assert.ok(toml.length > 100, `${toml.length} files`));

  test("TOML: symbols lie in the document and nest; folding ranges are well formed", () => {
    let symbols = 0;
    for (const name of toml) {
      const parsed = parseConfig(readFileSync(resolve(corpus, name), "utf8"));
      symbols += checkSymbols(parsed, documentSymbols(parsed));
      checkFolding(name, parsed, foldingRanges(parsed));
    }
    assert.ok(symbols > toml.length * 5, `${symbols} symbols`);
  });

  test("JSON: the same holds", () => {
    for (const name of json) {
      const parsed = parseConfig(readFileSync(resolve(corpus, name), "utf8"), undefined, "json");
      checkSymbols(parsed, documentSymbols(parsed));
      checkFolding(name, parsed, foldingRanges(parsed));
    }
  });
});
