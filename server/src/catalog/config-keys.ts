/**
 * Every key Wrangler 4.164.0 accepts that is not a binding kind, plus the old keys real files
 * still carry. Inheritance and top-level-only placement follow Wrangler's code, which differs
 * from its documentation in places (`migrations` may be set per environment and is inherited).
 */
import { field, required } from "./core-kinds";
import { key, strings, tables } from "./key";
import { topLevelKeys } from "./top-level-keys";
import { oldKeys } from "./old-keys";
import type { ConfigKey, FieldSpec } from "./types";

const samplingRate = field(
  "head_sampling_rate",
  "number",
  "The share of requests recorded, from 0 (none) to 1 (all).",
  { range: { min: 0, max: 1, severity: "error" } },
);

function telemetry(what: string, extra: readonly FieldSpec[] = []): readonly FieldSpec[] {
  return [
    field("enabled", "boolean", `Turns ${what} on or off.`),
    samplingRate,
    ...extra,
    field("persist", "boolean", `Keeps ${what} for the dashboard (true by default).`),
    strings("destinations", `Export destinations that also receive the ${what}.`),
  ];
}

/** Migration steps list Durable Object classes: completion offers the Worker's. */
const classes = { refersTo: "class" } as const;

const routeFields: readonly FieldSpec[] = [
  field("pattern", "string", "The URL pattern, or the hostname of a Custom Domain.", required),
  field("zone_id", "string", "The id of the zone the pattern belongs to."),
  field("zone_name", "string", "The name of the zone the pattern belongs to, instead of its id."),
  field(
    "custom_domain",
    "boolean",
    "Serve the hostname as a Custom Domain that Cloudflare manages.",
  ),
  field("enabled", "boolean", "Whether the Custom Domain is active."),
  field("previews_enabled", "boolean", "Whether previews are served on the Custom Domain too."),
];

const artifactsEvents = ["created", "deleted", "forked", "imported", "pushed", "cloned", "fetched"]
  .map((event) => `cf.artifacts.repo.${event}`)
  .concat(["cf.artifacts.repo.token.created", "cf.artifacts.repo.token.revoked"]);

/** Keys every environment takes over from the top level unless it sets its own. */
const inheritedKeys: readonly ConfigKey[] = [
  key(
    "name",
    "string",
    "The Worker's name on Cloudflare: lowercase letters, digits, - and _. An environment without a name of its own deploys as `<name>-<environment>`.",
    {
      docs: "/workers/wrangler/configuration/#inheritable-keys",
      example: "my-worker",
      // Wrangler's own rule (`isValidName`), reported as an error; placeholders such as
      // "<WORKER_NAME>" in templates fail it.
      pattern: {
        regex: /^$|^[a-z0-9_][a-z0-9-_]*$/,
        rule: "use only lowercase letters, digits, - and _",
        severity: "error",
      },
    },
  ),
  key("main", "string", "The Worker's entry module, relative to this file.", {
    example: "src/index.ts",
  }),
  key("compatibility_date", "string", "The date (YYYY-MM-DD) whose runtime behaviour you get.", {
    docs: "/workers/configuration/compatibility-dates/",
    example: "2025-09-01",
    // Wrangler errors on anything `new Date()` cannot read; a plain date is what it documents.
    pattern: {
      regex: /^\d{4}-\d{1,2}-\d{1,2}$/,
      rule: "be a date written YYYY-MM-DD",
      severity: "error",
    },
  }),
  key(
    "compatibility_flags",
    "array",
    "Runtime features to switch on or off whatever the date, such as `nodejs_compat`.",
    { items: "string", docs: "/workers/configuration/compatibility-flags/" },
  ),
  key("account_id", "string", "The account to deploy to; `CLOUDFLARE_ACCOUNT_ID` also sets it."),
  key("workers_dev", "boolean", "Serve the Worker on its `workers.dev` subdomain.", {
    docs: "/workers/configuration/routing/workers-dev/",
  }),
  key("preview_urls", "boolean", "Give each uploaded version its own URL on `workers.dev`.", {
    docs: "/workers/configuration/previews/",
  }),
  key("route", ["string", "table"], "One route the Worker serves; use `routes` for several.", {
    fields: routeFields,
    docs: "/workers/configuration/routing/routes/",
  }),
  key("routes", "array", "The routes and Custom Domains the Worker serves; not with `route`.", {
    fields: routeFields,
    docs: "/workers/configuration/routing/routes/",
  }),
  key("triggers", "table", "What starts the Worker without a request: schedules, repo events.", {
    docs: "/workers/configuration/cron-triggers/",
    fields: [
      strings("crons", "Cron expressions that run the `scheduled()` handler; `[]` clears them."),
      tables("events", "Artifacts repository events that start a Workflow.", [
        field("type", "string", "The event.", { ...required, values: artifactsEvents }),
        field("filter", "table", "Only events from this namespace or repository.", {
          fields: [
            field("namespace", "string", "The Artifacts namespace."),
            field("repo_name", "string", "The repository."),
          ],
        }),
        field("targets", "array", "The Workflows to start.", {
          ...required,
          items: "table",
          fields: [
            field("type", "string", "The kind of target.", { ...required, values: ["workflow"] }),
            field("workflow_name", "string", "The Workflow's name.", required),
          ],
        }),
      ]),
    ],
  }),
  key("observability", "table", "Keep the Worker's logs and traces for the dashboard.", {
    docs: "/workers/observability/logs/workers-logs/",
    fields: [
      field("enabled", "boolean", "Turns logs and traces on or off together."),
      samplingRate,
      field("redact_query_string", "boolean", "Leave query strings out of recorded URLs."),
      field("issues", "table", "Grouping of errors into issues.", {
        fields: [field("enabled", "boolean", "Turns issue grouping on or off.")],
      }),
      field("logs", "table", "Settings for logs alone.", {
        fields: telemetry("logs", [
          field("invocation_logs", "boolean", "Also record one line per invocation."),
        ]),
      }),
      field("traces", "table", "Settings for traces alone.", { fields: telemetry("traces") }),
    ],
  }),
  // Wrangler checks the types of the fields it knows in `placement`, `limits`, `rules`,
  // `python_modules` and `cloudchamber`, and passes any other field without a warning.
  key(
    "placement",
    "table",
    "Where the Worker runs: near each request (the default), near the services it calls (`smart`), or in a chosen region or near a host (`targeted`).",
    {
      openFields: true,
      fields: [
        field("mode", "string", "The strategy.", { values: ["off", "smart", "targeted"] }),
        field("hint", "string", "A region smart placement should favour."),
        field("region", "string", "The cloud region to run in."),
        field("host", "string", "A host and port to run near."),
        field("hostname", "string", "A hostname to run near."),
      ],
    },
  ),
  key("limits", "table", "Caps on each invocation.", {
    docs: "/workers/wrangler/configuration/#limits",
    openFields: true,
    fields: [
      field("cpu_ms", "number", "The most CPU time, in milliseconds, an invocation may use."),
      field("subrequests", "number", "The most subrequests an invocation may make."),
    ],
  }),
  key(
    "migrations",
    "array",
    "The history of the Durable Object classes this Worker defines, one tagged step at a time. A deployed step must never change.",
    {
      items: "table",
      docs: "/durable-objects/reference/durable-objects-migrations/",
      fields: [
        field("tag", "string", "A unique name for the step.", { ...required, example: "v1" }),
        strings("new_classes", "Classes introduced with key-value storage.", classes),
        strings(
          "new_sqlite_classes",
          "Classes introduced with SQLite storage (recommended).",
          classes,
        ),
        tables("renamed_classes", "Classes renamed, keeping their objects.", [
          field("from", "string", "The old class name.", required),
          field("to", "string", "The new class name.", required),
        ]),
        strings("deleted_classes", "Classes removed, with all their objects.", classes),
        tables("transferred_classes", "Classes taken over, objects and all, from another Worker.", [
          field("from", "string", "The class name in the other Worker.", required),
          field("from_script", "string", "The other Worker.", required),
          field("to", "string", "The class name here.", required),
        ]),
      ],
    },
  ),
  key(
    "exports",
    "table",
    "The classes the Worker exports, by name, and what each is: a declarative alternative to `migrations` that cannot be combined with it.",
    { openFields: true },
  ),
  key("build", "table", "A command Wrangler runs first, for Workers with their own build step.", {
    docs: "/workers/wrangler/custom-builds/",
    fields: [
      field("command", "string", "The command to run."),
      field("cwd", "string", "The folder to run it in."),
      field("watch_dir", ["string", "array"], "Folders `wrangler dev` watches for changes.", {
        items: "string",
      }),
      field("upload", "table", "Wrangler 1's upload settings.", {
        deprecated: "set the entry module with `main` and module types with `[[rules]]` instead.",
      }),
    ],
  }),
  key("rules", "array", "Which imported files are bundled as which kind of module.", {
    items: "table",
    openFields: true,
    docs: "/workers/wrangler/bundling/",
    fields: [
      field("type", "string", "The kind of module the matching files become.", {
        ...required,
        // The schema also lists the Python types, but Wrangler's check refuses them here.
        values: ["ESModule", "CommonJS", "CompiledWasm", "Text", "Data"],
      }),
      strings("globs", "File patterns the rule applies to.", required),
      field("fallthrough", "boolean", "Let later rules of the same type apply as well."),
    ],
  }),
  key("tsconfig", "string", "The tsconfig.json Wrangler reads when bundling."),
  key("jsx_factory", "string", "The function JSX elements compile to."),
  key("jsx_fragment", "string", "The function JSX fragments compile to."),
  key("minify", "boolean", "Minify the bundle before upload."),
  key("keep_names", "boolean", "Keep function and class names when minifying."),
  key("no_bundle", "boolean", "Upload the code as written, without bundling it."),
  key("find_additional_modules", "boolean", "Also upload files that match `rules`."),
  key("preserve_file_names", "boolean", "Upload extra modules under their names, unhashed."),
  key("base_dir", "string", "The folder module rules are applied from."),
  key("upload_source_maps", "boolean", "Upload source maps with the Worker."),
  key("first_party_worker", "boolean", "Marks a Cloudflare-internal Worker."),
  key("logpush", "boolean", "Send the Worker's trace events to the account's Logpush jobs.", {
    docs: "/workers/observability/logs/logpush/",
  }),
  key("compliance_region", "string", 'Where the Worker may run: "public" or "fedramp_high".'),
  key("access", "table", "Cloudflare Access settings for the Worker.", {
    fields: [
      field("dev", "table", "The Access identity `wrangler dev` simulates.", {
        fields: [
          field("aud", "string", "The Access application's audience tag.", required),
          field("identity", "table", "The identity claims to present."),
        ],
      }),
    ],
  }),
  key("cache", "table", "How the Worker's responses are cached.", {
    fields: [
      field("enabled", "boolean", "Turns caching on or off.", required),
      field("cross_version_cache", "boolean", "Share cached responses between versions."),
    ],
  }),
  key("python_modules", "table", "Settings for a Python Worker's modules.", {
    openFields: true,
    fields: [strings("exclude", "Files left out of the upload.")],
  }),
  key(
    "previews",
    "table",
    "Settings and bindings for deployments made with `wrangler preview`; it takes the same binding keys as the top level.",
    { openFields: true },
  ),
].map((entry) => ({ ...entry, inherited: true }));

/** Keys each environment must set for itself. */
const ownKeys: readonly ConfigKey[] = [
  key("define", "table", "Identifiers replaced by the given JavaScript expressions on bundling.", {
    openFields: true,
    valueType: "string",
  }),
  key("durable_objects", "table", "Holds the Durable Object bindings, under `bindings`.", {
    fields: [
      field("code_update_strategy", "table", "How running objects move to new code on deploy.", {
        fields: [
          field("mode", "string", "Restart them at once, or let them finish first.", {
            ...required,
            values: ["immediate", "deferred"],
          }),
          field("max_delay", "number", "For `deferred`: the most seconds to wait.", {
            range: { min: 0, max: 86400, severity: "error" },
          }),
        ],
      }),
      field("classes", "array", "Wrangler 1's list of classes.", {
        deprecated:
          "declare classes in `[[migrations]]`, bind them in `[[durable_objects.bindings]]`.",
      }),
    ],
  }),
  key("queues", "table", "Holds the queue producers and consumers.", {
    fields: [
      field("bindings", "array", "The old name of `producers`.", {
        deprecated: "producers are `[[queues.producers]]` now.",
      }),
    ],
  }),
  key("unsafe", "table", "Raw settings for the Workers API, passed on unchecked (experimental).", {
    fields: [
      field("metadata", "table", "Extra fields merged into the upload metadata."),
      field("capnp", "table", "Cap'n Proto schemas some unsafe bindings need.", {
        fields: [
          field("base_path", "string", "The folder the schemas are in."),
          strings("source_schemas", "The schema files to compile."),
          field("compiled_schema", "string", "An already compiled schema, instead."),
        ],
      }),
    ],
  }),
  key(
    "containers",
    "array",
    "Containers run beside the Worker, each led by a Durable Object class.",
    {
      items: "table",
      docs: "/containers/",
      fields: [
        field("class_name", "string", "The Durable Object class that controls the container."),
        field("image", "string", "A Dockerfile path, or an image in Cloudflare's registry."),
        field("name", "string", "The container application's name."),
        field("max_instances", "number", "The most instances running at once."),
        field("instance_type", ["string", "table"], "A named size such as lite, or a custom one."),
        field("images", "table", "Named images a Durable Object can choose between."),
        field("image_build_context", "string", "The build context for the Dockerfile."),
        field("image_vars", "table", "Variables available while the image builds."),
        field("observability", "table", "Log settings for the containers."),
        field("scheduling_policy", "string", "How instances are placed."),
        field("ssh", "table", "SSH access to running instances."),
        field("authorized_keys", "array", "SSH public keys allowed in."),
        field("trusted_user_ca_keys", "array", "SSH certificate authorities to trust."),
        field("constraints", "table", "Regions or a jurisdiction to run in."),
        field(
          "rollout_step_percentage",
          ["number", "array"],
          "How much each rollout step updates.",
        ),
        field("rollout_active_grace_period", "number", "Seconds instances get before a rollout."),
      ],
    },
  ),
  key("cloudchamber", "table", "Settings for Cloudchamber, the platform beneath Containers.", {
    openFields: true,
    fields: [
      field("image", "string", "The image to run."),
      field("location", "string", "Where to run it."),
      field("instance_type", "string", "A named instance size."),
      field("vcpu", "number", "Virtual CPUs, instead of an instance type."),
      field("memory", "string", "Memory, instead of an instance type."),
      field("ipv4", "boolean", "Give the container a public IPv4 address."),
    ],
  }),
  key("connect", "array", "TCP or UDP ports whose connections reach the `connect()` handler.", {
    items: "table",
    fields: [
      field("protocol", "string", "The transport.", { ...required, values: ["tcp", "udp"] }),
      field("port", "integer", "The port to listen on.", {
        ...required,
        range: { min: 1, max: 65535, severity: "error" },
      }),
      field("address", "string", "The address to listen on."),
      field("idle_timeout_ms", "integer", "UDP only: milliseconds before an idle flow closes."),
      field("max_pending_bytes", "integer", "UDP only: bytes buffered for a busy handler."),
    ],
  }),
  // Environments inherit `logfwdr` with its bindings. Wrangler refuses the old `schema` field
  // with an error; FieldSpec has no "removed" flag, so it is reported as deprecated for now.
  key("logfwdr", "table", "Holds the log forwarder bindings, under `bindings`.", {
    inherited: true,
    fields: [
      field("schema", "string", "The old place for the log schema.", {
        deprecated: "Wrangler refuses it: give the schema under `[unsafe.capnp]` instead.",
      }),
    ],
  }),
];

export const configKeys: readonly ConfigKey[] = [
  ...inheritedKeys,
  ...ownKeys,
  ...topLevelKeys,
  ...oldKeys,
];
