/**
 * Robustness: the fuzzer, seeded and bounded, damages configurations and asks the language
 * service everything about them (see test/fuzz/); every failure it ever found is replayed from
 * test/fixtures/fuzz-crashes/; and each bug it found is pinned by a test of its own.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Diagnostic } from "vscode-languageserver-types";
import { complete, diagnose, documentSymbols, hover, parseConfig } from "../../server/src/service";
import { tokenize } from "../../server/src/service/completion/tokens";
import { LineIndex } from "../../server/src/service/positions";
import { EMPTY_WORKSPACE } from "../../server/src/service/workspace";
import { callName, loadFixtures, replay } from "../fuzz/crashes";
import { formatSummary } from "../fuzz/summary";
import { superviseFuzz } from "../fuzz/supervise";

/** About 15 seconds on two cores; `npm run fuzz` runs longer with other seeds. */
const SEED = 20_261_203;
const COUNT = 4000;

test(`${COUNT} damaged configurations: no throw, hang, slow call or range outside`, async () => {
  const started = performance.now();
  const report = await superviseFuzz({ seed: SEED, count: COUNT });
  const summary = formatSummary(report, performance.now() - started);
  const redo = `Redo a case: npm run fuzz -- --seed ${SEED} --from <case> --count 1`;
  assert.equal(report.found.length + report.hangs.length, 0, `${summary}\n${redo}`);
  assert.equal(report.cases, COUNT);
});

describe("failures the fuzzer found, replayed", () => {
  for (const { name, fixture } of loadFixtures()) {
    test(`${name}: ${fixture.kind} in ${callName(fixture.call)}`, () => {
      assert.deepEqual(replay(fixture), []);
    });
  }
});

const URI = "file:///w/wrangler.toml";

/** The diagnostics of a text, reduced to what a reader checks: place, severity and message. */
function problems(text: string, format: "toml" | "json" = "toml") {
  const parsed = parseConfig(text, undefined, format);
  return diagnose(parsed, format === "toml" ? URI : "file:///w/wrangler.json").map(brief);
}

function brief(d: Diagnostic) {
  const { start, end } = d.range;
  return {
    range: `${start.line}:${start.character}-${end.line}:${end.character}`,
    severity: d.severity,
    message: typeof d.message === "string" ? d.message : d.message.value,
  };
}

const TOO_DEEP =
  "TOML syntax: nested more than 1000 levels deep; Wrangler rejects arrays and inline tables " +
  "this deep, and nothing deeper is checked.";

describe("bugs the fuzzer found", () => {
  test("arrays nested 1000 deep are read; 1001 deep are reported, not parsed", () => {
    const nested = (depth: number) =>
      `name = "w"\ndeep = ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
    assert.deepEqual(
      problems(nested(1000)).filter((p) => p.message.startsWith("TOML")),
      [],
    );
    const end = 7 + 2002;
    assert.deepEqual(problems(nested(1001)), [
      { range: `1:0-1:${end}`, severity: 1, message: TOO_DEEP },
    ]);
  });

  test("inline tables nested thousands deep are reported in milliseconds, not a second", () => {
    const depth = 20_000;
    const text = `deep = ${"{ a = ".repeat(depth)}1${" }".repeat(depth)}\nname = "w"\n`;
    const started = performance.now();
    const found = problems(text);
    assert.ok(performance.now() - started < 200, "the scan keeps the parser off the value");
    assert.deepEqual(found, [
      { range: `0:0-0:${text.indexOf("\n")}`, severity: 1, message: TOO_DEEP },
    ]);
  });

  test("a key or header of over 1000 parts is reported, and every feature answers", () => {
    const key = Array.from({ length: 1001 }, () => "k").join(".");
    for (const text of [`${key} = 1\n`, `[${key}]\nx = 1\n`]) {
      const parsed = parseConfig(text);
      const messages = diagnose(parsed, URI).map((d) => brief(d).message);
      assert.ok(messages.includes(TOO_DEEP), messages.join("\n"));
      const position = { line: 0, character: 1500 };
      assert.doesNotThrow(() => hover(parsed, position));
      assert.doesNotThrow(() => documentSymbols(parsed));
    }
  });

  test("a plain string of any length is read, as Wrangler reads it", () => {
    const text = `main = "${"x".repeat(200_000)}"\nname = "w"\n`;
    const parsed = parseConfig(text);
    assert.deepEqual(diagnose(parsed, URI), []);
    const main = parsed.document.root.entries.get("main")?.value;
    assert.equal(main?.kind === "string" && main.value.length, 200_000);
  });

  test("a string too long for the parser costs only its own statement", () => {
    // An escape sends the section to the parser, which recurses once per character.
    const text = `long = "\\t${"x".repeat(200_000)}"\nname = "w"\n`;
    const parsed = parseConfig(text);
    assert.deepEqual(diagnose(parsed, URI).map(brief), [
      {
        range: "0:0-0:200011",
        severity: 1,
        message: "TOML syntax: the statement holds a string too long for the parser to read.",
      },
    ]);
    assert.equal(parsed.document.root.entries.get("name")?.value.kind, "string");
  });

  test("completion skips a no-break space instead of standing still on it", () => {
    const text = "binding\u00a0= 'A'\f\u2028";
    const tokens = [...tokenize(text, 0, text.length)].map((t) => t.type);
    assert.deepEqual(tokens, ["word", "punct", "string"]);
    const parsed = parseConfig('[[kv_namespaces]]\nbinding\u00a0= "A"\n');
    const list = complete(parsed, { line: 1, character: 0 }, EMPTY_WORKSPACE, URI);
    assert.ok(Array.isArray(list.items));
  });

  test("positions count lines as the editor does: a lone \\r ends a line", () => {
    const lines = new LineIndex("a\rbc\r\nd\ne");
    assert.deepEqual(lines.positionAt(3), { line: 1, character: 1 });
    assert.deepEqual(lines.positionAt(6), { line: 2, character: 0 });
    assert.equal(lines.offsetAt({ line: 3, character: 1 }), 9);
  });

  test("a position never falls between the \\r and \\n of a line break", () => {
    assert.deepEqual(new LineIndex("ab\r\ncd").positionAt(3), { line: 0, character: 2 });
  });

  test("a character TOML rejects but JavaScript trims is reported where it stands", () => {
    assert.deepEqual(
      problems("\u2028").map((p) => p.range),
      ["0:0-0:1"],
    );
  });

  test("JSON nested past 1000 levels is a warning; past the parser's stack, an error", () => {
    const nested = (depth: number) => `{ "a": ${"[".repeat(depth)}${"]".repeat(depth)} }`;
    assert.deepEqual(
      problems(nested(1001), "json").filter((p) => p.message.startsWith("JSON")),
      [
        {
          range: "0:1007-0:1009",
          severity: 2,
          message: "JSON syntax: nested more than 1000 levels deep; nothing deeper is checked.",
        },
      ],
    );
    assert.deepEqual(problems(nested(50_000), "json"), [
      {
        range: "0:0-0:100009",
        severity: 1,
        message: "JSON syntax: the file is nested too deeply for the parser to read.",
      },
    ]);
  });
});
