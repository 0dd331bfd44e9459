/**
 * The built server, spoken to over stdio as an editor would: the wiring the unit tests of the
 * service cannot see (capabilities, pull and push diagnostics, versions, file selection).
 * Run `npm run build` first; `npm test` does.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import type { Diagnostic, DocumentDiagnosticReport } from "vscode-languageserver-protocol";
import { SERVER_PATH, startServer, type TestServer } from "../support/lsp-client";

const URI = "file:///work/shop/wrangler.toml";
const BROKEN = 'name = "shop"\n\n[[kv_namespace]]\nbinding = "CACHE"\n';

const summary = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);

before(() => {
  assert.ok(existsSync(SERVER_PATH), `${SERVER_PATH} is missing: run "npm run build" first`);
});

describe("pull diagnostics (clients that support textDocument/diagnostic)", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ textDocument: { diagnostic: { dynamicRegistration: false } } });
  });
  after(() => server.stop());

  test("announces a diagnostic provider and answers for the current text", async () => {
    assert.deepEqual(server.initialized.capabilities.diagnosticProvider, {
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    server.open(URI, BROKEN);
    const report = (await server.connection.sendRequest("textDocument/diagnostic", {
      textDocument: { uri: URI },
    })) as DocumentDiagnosticReport;
    assert.equal(report.kind, "full");
    const items = report.kind === "full" ? report.items : [];
    assert.deepEqual(summary(items), ["3:3 unknown-key"]);
    assert.equal(items[0]!.source, "wrangler-bindings");
    assert.equal(
      items[0]!.message,
      '"kv_namespace" is not a key Wrangler knows at the top level; it is ignored. Did you mean "kv_namespaces"?',
    );
    assert.deepEqual(items[0]!.data, { suggestion: "kv_namespaces" });
  });

  test("follows incremental changes", async () => {
    await server.connection.sendNotification("textDocument/didChange", {
      textDocument: { uri: URI, version: 2 },
      contentChanges: [
        {
          range: { start: { line: 2, character: 14 }, end: { line: 2, character: 14 } },
          text: "s",
        },
      ],
    });
    const report = (await server.connection.sendRequest("textDocument/diagnostic", {
      textDocument: { uri: URI },
    })) as DocumentDiagnosticReport;
    assert.deepEqual(report.kind === "full" && report.items, []);
  });

  test("a file that is not a Worker configuration gets no diagnostics", async () => {
    const other = "file:///work/shop/pyproject.toml";
    server.open(other, "[[kv_namespace]]\n");
    const report = (await server.connection.sendRequest("textDocument/diagnostic", {
      textDocument: { uri: other },
    })) as DocumentDiagnosticReport;
    assert.deepEqual(report.kind === "full" && report.items, []);
  });

  test("logs through the connection, never on stdout", () => {
    // Anything printed on stdout would have broken the message stream these tests read.
    assert.ok(server.logs.some((line) => line.startsWith("Wrangler Bindings server")));
  });
});

describe("push diagnostics (clients without pull)", () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({});
  });
  after(() => server.stop());

  test("publishes on open and after each change, tagged with the version it was computed for", async () => {
    assert.equal(server.initialized.capabilities.diagnosticProvider, undefined);
    const opened = server.nextDiagnostics(URI);
    server.open(URI, BROKEN, 1);
    const first = await opened;
    assert.equal(first.version, 1);
    assert.deepEqual(summary(first.diagnostics), ["3:3 unknown-key"]);

    const fixed = server.nextDiagnostics(URI, (p) => p.version === 3);
    for (const [version, text] of [
      [2, 'name = "shop"\n[[kv_namespaces]]\nbinding = 7\n'],
      [3, 'name = "shop"\n[[kv_namespaces]]\nbinding = "CACHE"\nid = ""\n'],
    ] as const) {
      await server.connection.sendNotification("textDocument/didChange", {
        textDocument: { uri: URI, version },
        contentChanges: [{ text }],
      });
    }
    const last = await fixed;
    assert.deepEqual(summary(last.diagnostics), ["4:6 empty-value"]);
  });

  test("clears the diagnostics of a closed document", async () => {
    const cleared = server.nextDiagnostics(URI, (p) => p.diagnostics.length === 0);
    await server.connection.sendNotification("textDocument/didClose", {
      textDocument: { uri: URI },
    });
    assert.deepEqual((await cleared).diagnostics, []);
  });
});
