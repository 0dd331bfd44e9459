/**
 * Completion in a wrangler.jsonc through the built server over stdio: that the server reads the
 * document as JSON, answers for its latest text, and sees the workspace's Worker source and
 * other Workers. What completion offers is tested in test/unit/completion-json-*.test.ts.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import {
  InsertTextMode,
  type CompletionItem,
  type CompletionList,
  type Position,
  type TextEdit,
} from "vscode-languageserver-protocol";
import { applyEdits } from "../support/fixtures";
import { startServer, type TestServer } from "../support/lsp-client";

const ROOT = mkdtempSync(join(tmpdir(), "wb-lsp-json-"));
const CONFIG = join(ROOT, "shop/wrangler.jsonc");
const URI = pathToFileURL(CONFIG).href;
const TEXT = [
  "{",
  "  // The shop Worker",
  '  "name": "shop",',
  '  "main": "src/index.ts",',
  '  "durable_objects": {',
  '    "bindings": [{ "name": "CART", "class_name": "" }]',
  "  },",
  '  "services": [{ "binding": "AUTH", "service": "" }],',
  "",
  "}",
  "",
].join("\n");

/** The position just after the first occurrence of `marker` in `text`. */
function positionAfter(text: string, marker: string): Position {
  const before = text.slice(0, text.indexOf(marker) + marker.length).split("\n");
  return { line: before.length - 1, character: before.at(-1)!.length };
}

function write(path: string, text: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

describe("completion in wrangler.jsonc over stdio", () => {
  let server: TestServer;
  const complete = (position: Position) =>
    server.connection.sendRequest("textDocument/completion", {
      textDocument: { uri: URI },
      position,
    }) as Promise<CompletionList>;
  const labelled = (list: CompletionList, label: string): CompletionItem => {
    const item = list.items.find((candidate) => candidate.label === label);
    assert.ok(item, `${label} is offered`);
    return item;
  };
  const accepted = (text: string, item: CompletionItem) =>
    applyEdits(text, [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])]);

  before(async () => {
    write(CONFIG, TEXT);
    write(join(ROOT, "shop/src/index.ts"), "export class Cart {}\nexport default {};\n");
    write(join(ROOT, "auth/wrangler.jsonc"), '{ "name": "auth", "main": "index.ts" }\n');
    server = await startServer({}, [{ uri: pathToFileURL(ROOT).href, name: "root" }]);
    server.open(URI, TEXT);
  });
  after(() => server.stop());

  test("opens by itself after the colon and quote that start a JSON value", () => {
    const triggers = server.initialized.capabilities.completionProvider?.triggerCharacters;
    assert.ok(triggers?.includes(":") && triggers.includes('"'), String(triggers));
  });

  test("a class_name value offers the class the Worker's main module exports", async () => {
    const item = labelled(await complete(positionAfter(TEXT, '"class_name": "')), "Cart");
    assert.equal(accepted(TEXT, item), TEXT.replace('"class_name": ""', '"class_name": "Cart"'));
  });

  test("a service value offers the other Worker of the workspace", async () => {
    const item = labelled(await complete(positionAfter(TEXT, '"service": "')), "auth");
    assert.equal(accepted(TEXT, item), TEXT.replace('"service": ""', '"service": "auth"'));
  });

  test("a key being typed, in the latest text: a binding kind with its first entry", async () => {
    const typed = TEXT.replace('"service": "" }],\n\n', '"service": "" }],\n  "kv_\n');
    server.change(URI, typed, 2);
    const list = await complete(positionAfter(typed, '"kv_'));
    const labels = list.items.map((item) => item.label);
    for (const present of ["name", "main", "services", "durable_objects.bindings"]) {
      assert.ok(!labels.includes(present), `${present} is already written`);
    }
    const item = labelled(list, "kv_namespaces");
    assert.equal(item.insertTextMode, InsertTextMode.asIs);
    assert.equal(
      accepted(typed, item),
      typed.replace(
        '  "kv_\n',
        ['  "kv_namespaces": [', "    {", '      "binding": "${1:MY_KV}"', "    }", "  ]", ""].join(
          "\n",
        ),
      ),
    );
  });
});
