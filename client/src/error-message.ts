/**
 * Errors shown to the user, with a way to the log when the log says more. The last one shown
 * is kept for the VS Code suite, which cannot read notifications through VS Code's API.
 */
import * as vscode from "vscode";

let lastShown: string | undefined;

export function lastErrorMessage(): string | undefined {
  return lastShown;
}

/** A button on the message, besides "Show Log". */
export interface ErrorAction {
  readonly title: string;
  run(): unknown;
}

export function showError(
  message: string,
  log?: vscode.LogOutputChannel,
  action?: ErrorAction,
): void {
  lastShown = message;
  const titles = [...(action ? [action.title] : []), ...(log ? ["Show Log"] : [])];
  void vscode.window.showErrorMessage(message, ...titles).then((choice) => {
    if (choice === "Show Log") log?.show();
    else if (choice && choice === action?.title) void action.run();
  });
}
