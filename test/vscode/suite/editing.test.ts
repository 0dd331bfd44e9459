import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import { activateExtension, eventually, revert, screenshot, workspaceUri } from "./support";

/** The diagnostics of a file as `line:column code`, once they satisfy the predicate. */
async function diagnosticsOf(
  uri: vscode.Uri,
  accept: (codes: string[]) => boolean,
): Promise<string[]> {
  return eventually(`diagnostics of ${uri.path}`, () => {
    const codes = vscode.languages
      .getDiagnostics(uri)
      .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`)
      .sort();
    return accept(codes) ? codes : undefined;
  });
}

describe("editing a configuration", () => {
  before(() => activateExtension());

  it("diagnostics follow an edit made through a WorkspaceEdit", async () => {
    const uri = workspaceUri("broken/wrangler.toml");
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await diagnosticsOf(uri, (codes) => codes.includes("9:15 invalid-value"));
    const editor = await vscode.window.showTextDocument(document);
    editor.selection = new vscode.Selection(8, 18, 8, 18);
    await vscode.commands.executeCommand("editor.action.showHover");
    await screenshot("diagnostic-hover");

    const edit = new vscode.WorkspaceEdit();
    const line = document.lineAt(8);
    edit.replace(uri, line.range, 'bucket_name = "good-name"');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.deepEqual(await diagnosticsOf(uri, (codes) => !codes.includes("9:15 invalid-value")), [
      "4:3 unknown-key",
    ]);
  });

  it("a quick fix through executeCodeActionProvider gives the expected text", async () => {
    const uri = workspaceUri("broken/wrangler.toml");
    const document = await vscode.workspace.openTextDocument(uri);
    const [unknown] = vscode.languages.getDiagnostics(uri).filter((d) => d.code === "unknown-key");
    assert.ok(unknown, "the [[kv_namespace]] typo is reported");
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      "vscode.executeCodeActionProvider",
      uri,
      unknown.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => action.title.includes('"kv_namespaces"'));
    assert.ok(fix?.edit, `a fix to kv_namespaces among: ${actions.map((a) => a.title).join("; ")}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(
      document.getText(),
      [
        'name = "broken"',
        'main = "src/index.ts"',
        "",
        "[[kv_namespaces]]",
        'binding = "CACHE"',
        "",
        "[[r2_buckets]]",
        'binding = "FILES"',
        'bucket_name = "good-name"',
        "",
      ].join("\n"),
    );
    await diagnosticsOf(uri, (codes) => codes.length === 0);
    await revert(document);
  });

  it("completion offers binding kinds after [[ and hover explains them, with the docs link", async () => {
    const uri = workspaceUri("api/wrangler.toml");
    const document = await vscode.workspace.openTextDocument(uri);
    const end = document.lineAt(document.lineCount - 1).range.end;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, end, "\n[[");
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const at = document.lineAt(document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      "vscode.executeCompletionItemProvider",
      uri,
      at,
    );
    const labels = list.items.map((item) =>
      typeof item.label === "string" ? item.label : item.label.label,
    );
    assert.deepEqual(labels.slice(0, 3), [
      "[[services]]",
      "[[kv_namespaces]]",
      "[[durable_objects.bindings]]",
    ]);
    assert.ok(labels.includes("[[env.staging.kv_namespaces]]") || labels.includes("env.staging."));

    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      "vscode.executeHoverProvider",
      uri,
      new vscode.Position(9, 4),
    );
    const markdown = hovers
      .flatMap((hover) => hover.contents)
      .map((content) => (typeof content === "string" ? content : content.value))
      .join("\n");
    assert.match(markdown, /\*\*KV namespace\*\*/);
    assert.match(
      markdown,
      /https:\/\/developers\.cloudflare\.com\/workers\/runtime-apis\/bindings\/kv\//,
    );
    await revert(document);
  });
});
