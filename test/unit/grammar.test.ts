/**
 * Tokenizes TOML snippets with the engine VS Code itself uses (vscode-textmate on the Oniguruma
 * WebAssembly build) and checks the scopes that themes colour, so a regex slip in
 * syntaxes/toml.tmLanguage.json shows up here rather than as a wrongly coloured wrangler.toml.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import * as oniguruma from "vscode-oniguruma";
import * as textmate from "vscode-textmate";

const grammarPath = path.join(__dirname, "../../syntaxes/toml.tmLanguage.json");

/** Loaded once: compiling the WebAssembly module is the slow part. */
const grammarReady = (async () => {
  // The wasm ships inside the package; resolving it keeps the test independent of the cwd.
  await oniguruma.loadWASM(readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === "source.toml"
        ? textmate.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath)
        : null,
  });
  const grammar = await registry.loadGrammar("source.toml");
  assert.ok(grammar, "the grammar registers as source.toml");
  return grammar;
})();

/** Tokenizes line by line, carrying the state across lines as the editor does. */
async function tokenize(source: string) {
  const grammar = await grammarReady;
  const tokens: { text: string; scopes: string[] }[] = [];
  let state = textmate.INITIAL;
  for (const line of source.split("\n")) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      tokens.push({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    state = result.ruleStack;
  }
  return tokens;
}

/**
 * Each source maps token texts to scopes: the first token whose text is exactly that key must
 * carry every listed scope, and none of those written `!scope`. Matching the whole text also
 * pins where the token starts and ends.
 */
const cases: [source: string, expected: Record<string, string>][] = [
  [
    '[ env . "a.b" ] # c',
    {
      "[": "meta.table.toml punctuation.definition.table.begin.toml",
      env: "meta.table.toml entity.name.section.toml",
      "a.b": "meta.table.toml entity.name.section.toml",
      ".": "punctuation.separator.dot.toml !entity.name.section.toml",
      "]": "meta.table.toml punctuation.definition.table.end.toml",
      "#": "comment.line.number-sign.toml punctuation.definition.comment.toml",
      " c": "comment.line.number-sign.toml !meta.table.toml",
    },
  ],
  [
    "[[queues.consumers]]",
    {
      consumers: "meta.array.table.toml entity.name.section.toml",
      "]]": "meta.array.table.toml punctuation.definition.table.array.end.toml",
    },
  ],
  [
    "site.\"google.com\".'x y' = 1",
    {
      site: "support.type.property-name.toml",
      "google.com": "support.type.property-name.toml",
      "x y": "support.type.property-name.toml",
      ".": "punctuation.separator.dot.toml !support.type.property-name.toml",
      "=": "punctuation.separator.key-value.toml",
    },
  ],
  [
    's = "tab\\t, esc \\e, hex \\x41, \\U0001F600, bad \\q \\uD800"',
    {
      tab: "string.quoted.double.basic.toml",
      "\\t": "string.quoted.double.basic.toml constant.character.escape.toml",
      "\\e": "constant.character.escape.toml",
      "\\x41": "constant.character.escape.toml",
      "\\U0001F600": "constant.character.escape.toml",
      "\\q": "string.quoted.double.basic.toml invalid.illegal.escape.toml",
      "\\uD800": "invalid.illegal.escape.toml",
    },
  ],
  [
    "s = 'C:\\Users\\n'\nu = \"never closed",
    {
      "C:\\Users\\n": "string.quoted.single.literal.toml",
      "never closed": "invalid.illegal.unterminated-string.toml",
    },
  ],
  [
    's = """\nline \\u00e9 \\\n  end""""',
    {
      "\\u00e9": "string.quoted.triple.basic.toml constant.character.escape.toml",
      "\\": "constant.character.escape.line-continuation.toml",
      // Up to two quotes just inside the closing delimiter belong to the content.
      '"': "string.quoted.triple.basic.toml !punctuation.definition.string.end.toml",
    },
  ],
  [
    "s = '''\nraw \\n ''quoted'''''",
    {
      "raw \\n ''quoted": "string.quoted.triple.literal.toml",
      "''": "string.quoted.triple.literal.toml !punctuation.definition.string.end.toml",
    },
  ],
  [
    "n = [+1_000, 0xDEAD_beef, 0o755, 0b1101, 007, -0x1, 6.626e-34, 9_224.6, 1E06, -inf, nan, 1.]",
    {
      "+1_000": "constant.numeric.integer.decimal.toml",
      "0xDEAD_beef": "constant.numeric.integer.hexadecimal.toml",
      "0o755": "constant.numeric.integer.octal.toml",
      "0b1101": "constant.numeric.integer.binary.toml",
      "007": "invalid.illegal.value.toml",
      "-0x1": "invalid.illegal.value.toml",
      "6.626e-34": "constant.numeric.float.toml",
      "9_224.6": "constant.numeric.float.toml",
      "1E06": "constant.numeric.float.toml",
      "-inf": "constant.numeric.float.inf.toml",
      nan: "constant.numeric.float.nan.toml",
      "1.": "invalid.illegal.value.toml",
    },
  ],
  [
    "b = [true, false, True]",
    {
      true: "constant.language.boolean.toml",
      false: "constant.language.boolean.toml",
      True: "invalid.illegal.value.toml",
    },
  ],
  [
    "d = [1979-05-27T00:32:00.999-07:00, 1979-05-27 07:32:00, 1979-05-27, 07:32, 1979-13-27]",
    {
      "1979-05-27T00:32:00.999-07:00": "constant.other.datetime.offset.toml",
      "1979-05-27 07:32:00": "constant.numeric.datetime.toml constant.other.datetime.local.toml",
      "1979-05-27": "constant.other.date.toml",
      "07:32": "constant.other.time.toml",
      "1979-13-27": "invalid.illegal.value.toml",
    },
  ],
  [
    // Newlines, comments and a trailing comma in an inline table are TOML 1.1.
    "t = { a = 1,\n  # why\n  b = 'x', }\nc = 2",
    {
      b: "meta.inline-table.toml support.type.property-name.toml",
      " why": "meta.inline-table.toml comment.line.number-sign.toml",
      "}": "meta.inline-table.toml punctuation.definition.inline-table.end.toml",
      c: "support.type.property-name.toml !meta.inline-table.toml",
    },
  ],
  [
    // Nothing but a comment may follow a header or a value on its line.
    "[a] junk\nport = 8787 8788 # dev\nempty = # todo",
    {
      junk: "invalid.illegal.toml",
      "8787": "constant.numeric.integer.decimal.toml",
      "8788": "invalid.illegal.toml",
      " dev": "comment.line.number-sign.toml",
      // A missing value must not swallow the comment after it.
      " todo": "comment.line.number-sign.toml",
    },
  ],
  [
    'a = [\n  "x", # first\n  [1, 2], { k = true },\n]\nb = 1',
    {
      " first": "meta.array.toml comment.line.number-sign.toml",
      "2": "meta.array.toml meta.array.toml constant.numeric.integer.decimal.toml",
      k: "meta.array.toml meta.inline-table.toml support.type.property-name.toml",
      b: "support.type.property-name.toml !meta.array.toml",
    },
  ],
  [
    [
      'compatibility_date = "2025-01-01"',
      "",
      "[[env.staging.kv_namespaces]]",
      'binding = "CACHE"',
      'id = "0123456789abcdef0123456789abcdef"',
    ].join("\n"),
    {
      "2025-01-01": "string.quoted.double.basic.toml !constant.other.date.toml",
      "[[": "meta.array.table.toml punctuation.definition.table.array.begin.toml",
      env: "meta.array.table.toml entity.name.section.toml",
      staging: "meta.array.table.toml entity.name.section.toml",
      kv_namespaces: "meta.array.table.toml entity.name.section.toml",
      binding: "support.type.property-name.toml !meta.array.table.toml",
      CACHE: "string.quoted.double.basic.toml",
      "0123456789abcdef0123456789abcdef": "string.quoted.double.basic.toml",
    },
  ],
];

describe("TOML TextMate grammar", () => {
  for (const [source, expected] of cases) {
    test(JSON.stringify(source.split("\n")[0]), async () => {
      const tokens = await tokenize(source);
      for (const [text, scopes] of Object.entries(expected)) {
        const token = tokens.find((candidate) => candidate.text === text);
        assert.ok(token, `no token ${JSON.stringify(text)} in ${JSON.stringify(tokens)}`);
        const actual: string[] = token.scopes;
        for (const scope of scopes.split(" ")) {
          const wanted = !scope.startsWith("!");
          const detail = `${JSON.stringify(text)}: ${scope} vs ${actual.join(" ")}`;
          assert.equal(actual.includes(scope.replace(/^!/, "")), wanted, detail);
        }
      }
    });
  }
});
