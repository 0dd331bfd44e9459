/**
 * With no Worker configuration in the workspace, "Add binding" offers to create a minimal
 * `wrangler.toml` first, after asking. The content is the least Wrangler needs to deploy.
 */
import * as vscode from "vscode";

export async function createMinimalConfig(): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showInformationMessage("Wrangler Bindings: open a folder first.");
    return undefined;
  }
  const target = vscode.Uri.joinPath(folder.uri, "wrangler.toml");
  const answer = await vscode.window.showInformationMessage(
    `No Wrangler configuration was found. Create ${vscode.workspace.asRelativePath(target)} to add the binding to?`,
    { modal: true },
    "Create wrangler.toml",
  );
  if (answer !== "Create wrangler.toml") return undefined;

  const name = workerName(folder.name);
  const today = new Date().toISOString().slice(0, 10);
  const text = `name = "${name}"\nmain = "src/index.ts"\ncompatibility_date = "${today}"\n`;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  return target.toString();
}

/** Wrangler's rule for names: lowercase letters, digits, - and _. */
function workerName(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return name || "my-worker";
}
