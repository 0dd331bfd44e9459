/**
 * Our verdicts on ~200 real Worker configurations, compared with Wrangler's own checker (the
 * pinned `wrangler` devDependency, through `unstable_readConfig`), top level and every
 * environment:
 * - where Wrangler finds no error, we report none;
 * - where Wrangler reports an error, we report at least one error;
 * - where Wrangler cannot parse the file, we report a TOML syntax error.
 * Differences that are ours on purpose are listed below with the reason.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { DiagnosticSeverity, type Diagnostic } from "vscode-languageserver-types";
import { diagnose, formatOf, parseConfig } from "../../server/src/service";
import { wranglerEnvironments, wranglerVerdict } from "../support/wrangler-oracle";

const CORPUS = resolve(__dirname, "../../../shared/corpus/real");

/** Errors we report where Wrangler reports none, each deliberate. Keyed by file and code. */
const OURS_ON_PURPOSE: Record<string, { code: string; reason: string }[]> = {};

/**
 * Wrangler checks that a container's Dockerfile exists beside the configuration; the corpus
 * holds configurations alone, and the language service reads no other file, so those errors
 * are out of our reach here.
 */
const isFileSystemCheck = (message: string) => message.includes("valid path to a Dockerfile");

const files = readdirSync(CORPUS)
  .filter((name) => /\.(toml|json|jsonc)(\.example)?$/.test(name))
  .sort();

describe("verdicts on the real corpus agree with Wrangler's", () => {
  test("the corpus is there", () => {
    assert.ok(files.length > 150, `expected the corpus at ${CORPUS}, found ${files.length} files`);
  });

  for (const name of files) {
    test(name, () => {
      const path = join(CORPUS, name);
      const text = readFileSync(path, "utf8");
      const uri = pathToFileURL(path).href;
      const ours = diagnose(
        parseConfig(text, undefined, formatOf(name.replace(/\.example$/, ""))),
        uri,
      );
      const ourErrors = ours.filter((d) => d.severity === DiagnosticSeverity.Error);
      const top = wranglerVerdict(path);

      if (top.syntaxError) {
        assert.ok(
          ourErrors.some((d) => d.code === "toml-syntax" || d.code === "json-syntax"),
          `Wrangler cannot parse it (${top.syntaxError.message}); we report no syntax error`,
        );
        return;
      }

      const wranglerErrors = [
        ...top.errors,
        ...wranglerEnvironments(path).flatMap((env) => wranglerVerdict(path, env).errors),
      ];
      const allowed = OURS_ON_PURPOSE[name] ?? [];
      const unexpected = ourErrors.filter((d) => !allowed.some((a) => a.code === d.code));

      if (wranglerErrors.length === 0) {
        assert.deepEqual(unexpected.map(show), [], "Wrangler reports no error here");
      }
      if (wranglerErrors.some((message) => !isFileSystemCheck(message))) {
        assert.ok(
          ourErrors.length > 0,
          `Wrangler reports errors and we report none:\n${wranglerErrors.join("\n")}`,
        );
      }
    });
  }
});

function show(d: Diagnostic): string {
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;
}
