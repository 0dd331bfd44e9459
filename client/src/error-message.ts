/**
 * Errors shown to the user, with a way to the log when the log says more. The last one shown
 * is kept for the VS Code suite, which cannot read notifications through VS Code's API.
 */
import * as vscode from "vscode";

let lastShown: string | undefined;

export function lastErrorMessage(): string | undefined {
  return lastShown;
}

export function showError(message: string, log?: vscode.LogOutputChannel): void {
  lastShown = message;
  const actions = log ? ["Show Log"] : [];
  void vscode.window.showErrorMessage(message, ...actions).then((choice) => choice && log?.show());
}
