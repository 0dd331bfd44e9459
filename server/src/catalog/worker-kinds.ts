/**
 * The kinds a Worker brings along itself rather than binding a Cloudflare resource: the static
 * files it serves (`[assets]`), its plain variables (`[vars]`) and the secrets it expects to be
 * set (`[secrets]`).
 */
import { field, nameField } from "./core-kinds";
import type { BindingKind } from "./types";

const assets: BindingKind = {
  key: "assets",
  shape: "table",
  title: "Static assets",
  summary: "Serve a folder of static files with the Worker",
  description:
    "Uploads a folder of static files with the Worker and serves them before, or instead of, running it. With `binding` the Worker can fetch them itself. Environments inherit it.",
  names: { from: "field", field: "binding", optional: true },
  fields: [
    field("directory", "string", "The folder to upload, relative to this file.", {
      example: "./public",
    }),
    { ...nameField("binding", "ASSETS"), required: false },
    field("html_handling", "string", "How paths map to HTML files and trailing slashes.", {
      values: ["auto-trailing-slash", "force-trailing-slash", "drop-trailing-slash", "none"],
    }),
    field("not_found_handling", "string", "What a request for a missing file gets.", {
      values: ["single-page-application", "404-page", "none"],
    }),
    field("base_path", "string", "A path prefix the files are served under."),
    field(
      "run_worker_first",
      ["boolean", "array"],
      "Run the Worker before looking for a file: always, or for the listed path patterns.",
      { items: "string" },
    ),
  ],
  runtimeType: "Fetcher",
  docs: "/workers/static-assets/binding/",
  resource: "directory",
  inherited: true,
};

const vars: BindingKind = {
  key: "vars",
  shape: "table",
  title: "Environment variable",
  summary: "Plain-text or JSON values the Worker reads from env",
  description:
    "Each key becomes a variable on `env`. Strings arrive as strings; numbers, booleans, arrays and tables arrive as parsed JSON. Keep secrets out: these are stored in plain text.",
  names: { from: "keys" },
  fields: [],
  // Wrangler refuses TOML dates; any JSON value is fine.
  valueType: ["string", "integer", "number", "boolean", "array", "table"],
  runtimeType: "string",
  docs: "/workers/configuration/environment-variables/",
  icon: "symbol-variable",
};

const secrets: BindingKind = {
  key: "secrets",
  shape: "table",
  title: "Secret",
  summary: "Declare the secrets the Worker expects to be set",
  description:
    "Lists the secrets the Worker expects, so that tools such as `wrangler types` know their names. Set the values with `wrangler secret put` or in `.dev.vars`, never here.",
  names: { from: "list", field: "required" },
  fields: [
    field("required", "array", "The secrets' names, each reachable as `env.NAME`.", {
      items: "string",
    }),
  ],
  runtimeType: "string",
  docs: "/workers/configuration/secrets/",
  icon: "shield",
};

/** The Worker's own kinds, in the order features list them. */
export const workerKinds: readonly BindingKind[] = [assets, vars, secrets];
