/**
 * What the language service may know beyond the document: the other Worker configurations of
 * the workspace and the text of files (a Worker's `main` module). The server provides it from
 * the file system; tests provide it from strings. Both lookups must be cheap and must never
 * throw: a file that cannot be read is simply undefined.
 */

export interface WorkerConfigRef {
  /** The Worker's `name`, as a service binding's `service` or a DO's `script_name` names it. */
  readonly name: string;
  /** The configuration file. */
  readonly uri: string;
}

export interface WorkspaceView {
  /** Every Worker configuration in the workspace, the edited one included. */
  workerConfigs(): readonly WorkerConfigRef[];
  /** The text of a file, or undefined when it does not exist or cannot be read. */
  readText(uri: string): string | undefined;
}

/** A workspace with nothing in it: for the command line and for tests that need no files. */
export const EMPTY_WORKSPACE: WorkspaceView = {
  workerConfigs: () => [],
  readText: () => undefined,
};

/** Resolves a path written in a configuration (`main = "src/index.ts"`) against its URI. */
export function resolveFrom(configUri: string, relativePath: string): string {
  return new URL(relativePath, configUri).href;
}
