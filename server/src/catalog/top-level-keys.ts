/**
 * Keys Wrangler reads only at the top level of the file; inside `[env.NAME]` it ignores them
 * with a warning.
 */
import { field, required } from "./core-kinds";
import { key, strings } from "./key";
import type { ConfigKey } from "./types";

/** Keys that only mean something at the top level; Wrangler ignores them in an environment. */
export const topLevelKeys: readonly ConfigKey[] = [
  key("$schema", "string", "The JSON Schema editors use to check this file."),
  key("env", "table", "The named environments, each overriding or adding to the top level.", {
    docs: "/workers/wrangler/environments/",
    openFields: true,
  }),
  key("dev", "table", "Settings for `wrangler dev`.", {
    docs: "/workers/wrangler/configuration/#local-development-settings",
    fields: [
      field("ip", "string", "The address the local server listens on."),
      field("port", "number", "The port the local server listens on (8787 by default)."),
      field("inspector_port", "number", "The port of the DevTools inspector."),
      field("inspector_ip", "string", "The address the inspector listens on."),
      field("local_protocol", "string", "How the local server is served.", {
        values: ["http", "https"],
      }),
      field("upstream_protocol", "string", "How requests reach the upstream.", {
        values: ["http", "https"],
      }),
      field("host", "string", "The host requests are forwarded to."),
      field("enable_containers", "boolean", "Build and run containers locally."),
      // The schema also allows a table here, but Wrangler's check accepts only a string.
      field("container_engine", "string", "The Docker socket to use for containers."),
      field("generate_types", "boolean", "Regenerate binding types when this file changes."),
    ],
  }),
  key(
    "site",
    "table",
    "Workers Sites: a folder of static files served from KV. Static assets (`[assets]`) replace it.",
    {
      docs: "/workers/configuration/sites/",
      fields: [
        field("bucket", "string", "The folder of files to serve.", required),
        field("entry-point", "string", "Wrangler 1's path to the site Worker.", {
          deprecated: "set the Worker's entry module with the top-level `main` instead.",
        }),
        strings("include", "Only files matching these patterns."),
        strings("exclude", "Files matching these patterns are left out."),
      ],
    },
  ),
  key("alias", "table", "Module names replaced by other modules or files on bundling.", {
    docs: "/workers/wrangler/configuration/#module-aliasing",
    openFields: true,
    valueType: "string",
  }),
  key("keep_vars", "boolean", "Keep variables set in the dashboard when deploying."),
  key("send_metrics", "boolean", "Whether Wrangler sends usage data for this project."),
  key(
    "addresses",
    "array",
    "Addresses (or `*@domain`) whose mail Email Routing hands to the Worker.",
    {
      items: "string",
    },
  ),
  key("pages_build_output_dir", "string", "Marks a Pages project and names the folder it serves."),
  key("dependencies_instrumentation", "table", "Whether uploads report the npm packages used.", {
    fields: [
      field("enabled", "boolean", "Turns the report on or off."),
      strings("exclude_packages", "Packages left out of the report."),
    ],
  }),
].map((entry) => ({ ...entry, topLevelOnly: true }));
