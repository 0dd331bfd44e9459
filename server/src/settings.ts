/**
 * The server's settings, read from the client's `wranglerBindings` section. Unknown or
 * malformed values fall back to the defaults rather than failing.
 */

export interface Settings {
  /**
   * File names the server treats as Worker configurations, matched against the file's base
   * name; `*` matches any run of characters (`wrangler.*.toml`).
   */
  readonly configFileNames: readonly string[];
}

/** The names Wrangler itself looks for; they are always checked. */
const WRANGLER_NAMES = ["wrangler.toml", "wrangler.json", "wrangler.jsonc"];

export const DEFAULT_SETTINGS: Settings = { configFileNames: WRANGLER_NAMES };

export function readSettings(section: unknown): Settings {
  const names = (section as { configFileNames?: unknown } | undefined)?.configFileNames;
  if (!Array.isArray(names)) return DEFAULT_SETTINGS;
  const valid = names.filter((name): name is string => typeof name === "string" && name !== "");
  return { configFileNames: [...new Set([...WRANGLER_NAMES, ...valid])] };
}

export function isConfigFile(uri: string, settings: Settings): boolean {
  const path = decodeURIComponent(uri.split(/[?#]/)[0]!);
  const base = path.slice(path.lastIndexOf("/") + 1);
  return settings.configFileNames.some((pattern) => globToRegExp(pattern).test(base));
}

function globToRegExp(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\?]/g, "\\$&").replaceAll("*", ".*");
  return new RegExp(`^${escaped}$`, "i");
}
