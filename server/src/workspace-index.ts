/**
 * The server's view of the workspace for the language service: the Worker configurations in
 * the workspace folders (by their `name`) and the text of files such as a Worker's `main`
 * module. Open documents win over the disk, so unsaved edits count. The folder scan is done
 * lazily and again only after files change.
 */
import { readdirSync, readFileSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { formatOf, parseConfig } from "./service";
import type { WorkerConfigRef, WorkspaceView } from "./service/workspace";
import { isConfigFile, type Settings } from "./settings";

/** Folders no Worker configuration of the user's lives in, and that can be huge. */
const SKIPPED = new Set(["node_modules", ".git", ".wrangler", "dist", "out", ".next", "target"]);
const MAX_DEPTH = 8;
const MAX_FILES = 5000;

export class WorkspaceIndex implements WorkspaceView {
  private folders: string[] = [];
  private configUris: string[] | undefined;

  constructor(
    private readonly openText: (uri: string) => string | undefined,
    private readonly settings: () => Settings,
  ) {}

  setFolders(uris: readonly string[]): void {
    this.folders = uris.filter((uri) => uri.startsWith("file:"));
    this.configUris = undefined;
  }

  /** Files were created, deleted or changed on disk: scan again when next asked. */
  invalidate(): void {
    this.configUris = undefined;
  }

  /** Every configuration file in the workspace folders, whether it names its Worker or not. */
  configFiles(): readonly string[] {
    return (this.configUris ??= this.scan());
  }

  workerConfigs(): readonly WorkerConfigRef[] {
    const refs: WorkerConfigRef[] = [];
    for (const uri of this.configFiles()) {
      const text = this.readText(uri);
      const name =
        text === undefined
          ? undefined
          : parseConfig(text, undefined, formatOf(uri)).document.root.entries.get("name");
      if (name?.value.kind === "string" && name.value.value)
        refs.push({ name: name.value.value, uri });
    }
    return refs;
  }

  readText(uri: string): string | undefined {
    const open = this.openText(uri);
    if (open !== undefined) return open;
    try {
      return readFileSync(fileURLToPath(uri), "utf8");
    } catch {
      return undefined;
    }
  }

  private scan(): string[] {
    const found: string[] = [];
    const visit = (dir: string, depth: number) => {
      if (depth > MAX_DEPTH || found.length >= MAX_FILES) return;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.isDirectory() && !SKIPPED.has(entry.name)) visit(path, depth + 1);
        else if (entry.isFile()) {
          const uri = pathToFileURL(path).href;
          if (isConfigFile(uri, this.settings())) found.push(uri);
        }
      }
    };
    for (const folder of this.folders) visit(fileURLToPath(folder), 0);
    return found;
  }
}
