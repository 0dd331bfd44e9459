/**
 * Keys from older Wrangler versions that real files still carry. Each says what replaced it,
 * so the diagnostic can tell the user what to write instead.
 */
import { key } from "./key";
import type { ConfigKey } from "./types";

/** Keys Wrangler 4 no longer reads: removed ones stop it, legacy ones draw a warning. */
export const oldKeys: readonly ConfigKey[] = [
  key("node_compat", "boolean", "Wrangler 1–3's Node.js polyfills.", {
    docs: "/workers/runtime-apis/nodejs/",
    status: { removed: 'Wrangler 4 dropped it: add `compatibility_flags = ["nodejs_compat"]`.' },
  }),
  key("legacy_env", "boolean", "Chose between Wrangler's two styles of environment.", {
    docs: "/workers/wrangler/environments/",
    topLevelOnly: true,
    status: {
      removed:
        "Wrangler 4 deploys every environment as its own Worker, `<name>-<environment>`; delete the key.",
    },
  }),
  key("type", "string", "Wrangler 1's project type.", {
    status: { legacy: "Wrangler bundles the Worker itself; delete it, or build with `[build]`." },
  }),
  key("webpack_config", "string", "Wrangler 1's webpack configuration.", {
    status: { legacy: "Run webpack from `[build] command` and point `main` at its output." },
  }),
  key("zone_id", "string", "Wrangler 1's zone for routes.", {
    status: {
      legacy: 'Give the zone with each route: `routes = [{ pattern = "…", zone_id = "…" }]`.',
    },
  }),
  key("usage_model", "string", "The old Bundled or Unbound billing choice.", {
    status: {
      legacy: "All Workers use the Standard model now; cap CPU time with `[limits] cpu_ms`.",
    },
  }),
  key("kv-namespaces", "array", "Wrangler 1's spelling of the KV bindings.", {
    status: { legacy: "Wrangler reads `kv_namespaces`, with an underscore." },
  }),
  key("miniflare", "table", "Settings for the old standalone Miniflare.", {
    status: { legacy: "Local development is part of `wrangler dev`; its settings go in `[dev]`." },
  }),
  key("constellation", "array", "Bindings to Constellation, which became Workers AI.", {
    status: { legacy: "Constellation became Workers AI: bind it with `[ai]`." },
  }),
  key("experimental_services", "array", "Wrangler 2's early service bindings.", {
    status: { legacy: "Service bindings are `[[services]]` now." },
  }),
];
