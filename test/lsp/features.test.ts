/**
 * The editor features through the built server over stdio: that each request is wired, reads
 * the document's latest text, sees the workspace's other Workers and files, and answers in
 * the protocol's shapes. What each feature computes is tested in test/unit.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentSymbol,
  FoldingRange,
  Hover,
  LocationLink,
  MarkupContent,
} from "vscode-languageserver-protocol";
import { startServer, type TestServer } from "../support/lsp-client";

const ROOT = mkdtempSync(join(tmpdir(), "wb-lsp-"));
const CONFIG = join(ROOT, "shop/wrangler.toml");
const URI = pathToFileURL(CONFIG).href;
const TEXT = [
  'name = "shop"',
  'main = "src/index.ts"',
  "",
  "[[services]]",
  'binding = "AUTH"',
  'service = "auth"',
  "",
  "[[durable_objects.bindings]]",
  'name = "CART"',
  'class_name = "Cart"',
  "",
  "[[kv_namespace]]",
  'binding = "CACHE"',
  "",
].join("\n");

function write(path: string, text: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, text);
}

describe("editor features over stdio", () => {
  let server: TestServer;
  const request = <T>(method: string, params: object) =>
    server.connection.sendRequest(method, { textDocument: { uri: URI }, ...params }) as Promise<T>;

  before(async () => {
    write(CONFIG, TEXT);
    write(join(ROOT, "shop/src/index.ts"), "export class Cart {}\nexport default {};\n");
    write(join(ROOT, "auth/wrangler.toml"), 'name = "auth"\nmain = "index.ts"\n');
    server = await startServer({ textDocument: { diagnostic: { dynamicRegistration: false } } }, [
      { uri: pathToFileURL(ROOT).href, name: "root" },
    ]);
    server.open(URI, TEXT);
  });
  after(() => server.stop());

  test("announces every feature", () => {
    const capabilities = server.initialized.capabilities;
    assert.ok(capabilities.completionProvider);
    assert.equal(capabilities.hoverProvider, true);
    assert.deepEqual(capabilities.codeActionProvider, { codeActionKinds: ["quickfix"] });
    assert.equal(capabilities.documentSymbolProvider, true);
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.foldingRangeProvider, true);
  });

  test("completion offers the workspace's other Workers as service names", async () => {
    const list = await request<CompletionList>("textDocument/completion", {
      position: { line: 5, character: 11 },
    });
    assert.ok(
      list.items.some((item) => item.label === "auth"),
      "the auth Worker is offered",
    );
  });

  test("hover explains a binding kind with its docs link", async () => {
    const result = await request<Hover>("textDocument/hover", {
      position: { line: 3, character: 4 },
    });
    const markdown = (result.contents as MarkupContent).value;
    assert.match(markdown, /^\*\*Service binding\*\*/);
    assert.match(
      markdown,
      /\(https:\/\/developers\.cloudflare\.com\/workers\/runtime-apis\/bindings\/service-bindings\/\)/,
    );
  });

  test("a quick fix answers a diagnostic with an edit", async () => {
    const report = await request<DocumentDiagnosticReport>("textDocument/diagnostic", {});
    const items: Diagnostic[] = report.kind === "full" ? report.items : [];
    const unknown = items.find((d) => d.code === "unknown-key")!;
    assert.ok(unknown, "the misspelt [[kv_namespace]] is reported");
    const actions = await request<CodeAction[]>("textDocument/codeAction", {
      range: unknown.range,
      context: { diagnostics: [unknown] },
    });
    const edit = actions[0]?.edit?.changes?.[URI];
    assert.equal(actions[0]?.title.includes("kv_namespaces"), true);
    assert.deepEqual(edit, [{ range: unknown.range, newText: "kv_namespaces" }]);
  });

  test("go to definition reaches the Durable Object class in the main module", async () => {
    const links = await request<LocationLink[]>("textDocument/definition", {
      position: { line: 9, character: 15 },
    });
    assert.equal(links[0]?.targetUri, pathToFileURL(join(ROOT, "shop/src/index.ts")).href);
    assert.deepEqual(links[0]?.targetSelectionRange.start, { line: 0, character: 13 });
  });

  test("go to definition reaches another Worker's configuration", async () => {
    const links = await request<LocationLink[]>("textDocument/definition", {
      position: { line: 5, character: 12 },
    });
    assert.equal(links[0]?.targetUri, pathToFileURL(join(ROOT, "auth/wrangler.toml")).href);
  });

  test("symbols and folding ranges describe the document", async () => {
    const symbols = await request<DocumentSymbol[]>("textDocument/documentSymbol", {});
    assert.ok(symbols.some((symbol) => symbol.name === "services"));
    const ranges = await request<FoldingRange[]>("textDocument/foldingRange", {});
    assert.ok(ranges.some((range) => range.startLine === 3));
  });
});
