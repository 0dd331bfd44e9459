/**
 * Hover where no feature asked for it: the places it must stay silent, then every 7th offset of
 * the real corpus, where it must never throw and every answer must link to Cloudflare's docs.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, test } from "node:test";
import type { MarkupContent } from "vscode-languageserver-types";
import { parseConfig } from "../../server/src/service";
import { hover } from "../../server/src/service/hover";
import { lines } from "../support/check";
import { hoverAt } from "../support/hover";

describe("no hover", () => {
  const cases = {
    "whitespace between keys": lines("[[kv_namespaces]]", 'binding = "A"', "|", 'id = "x"'),
    "whitespace inside an inline table": lines('kv_namespaces = [{ binding = "A", | id = "x" }]'),
    "a comment": lines("# the cac|he", "[[kv_namespaces]]"),
    "a comment after a value": lines('name = "w" # deploy|ed name'),
    "an unknown key": lines('colour| = "blue"'),
    "an unknown field in a binding": lines("[[kv_namespaces]]", 'bindnig| = "A"'),
    "the value of an unknown key": lines('colour = "bl|ue"'),
    "the end of an empty document": "|",
    "a key of env that is no environment": lines("[env]", "stag|ing = 1"),
  };
  for (const [what, fixture] of Object.entries(cases)) {
    test(what, () => assert.equal(hoverAt(fixture), null));
  }
});

describe("hover over the real corpus", () => {
  const corpus = resolve(__dirname, "../../../shared/corpus/real");
  const files = readdirSync(corpus).filter((name) => name.endsWith(".toml"));

  test("the corpus is there", () => assert.ok(files.length > 100, `${files.length} files`));

  test("every 7th offset of every file answers without throwing, each answer linking to docs", () => {
    let answered = 0;
    for (const name of files) {
      const text = readFileSync(resolve(corpus, name), "utf8");
      const parsed = parseConfig(text);
      for (let offset = 0; offset <= text.length; offset += 7) {
        const found = hover(parsed, parsed.lines.positionAt(offset));
        if (!found) continue;
        answered++;
        const value = (found.contents as MarkupContent).value;
        assert.match(
          value,
          /\n\n\[Cloudflare docs\]\(https:\/\/developers\.cloudflare\.com\/\S*\)$/,
        );
        const { start, end } = found.range!;
        assert.ok(parsed.lines.offsetAt(start) <= parsed.lines.offsetAt(end), name);
        assert.ok(parsed.lines.offsetAt(end) <= text.length, name);
      }
    }
    // A third or so of the offsets land on something we explain; far fewer would mean a bug.
    assert.ok(answered > 6000, `${answered} hovers`);
  });
});
