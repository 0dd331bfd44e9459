/**
 * The kinds that bind data Cloudflare keeps for the account: D1 databases, Vectorize indexes,
 * Hyperdrive configurations, Analytics Engine datasets, Pipelines streams, Secrets Store secrets
 * and rate-limit counters, with Workflows, whose runs are persisted state too.
 */
import { field, nameField, remoteField, required } from "./core-kinds";
import type { BindingKind } from "./types";

const jurisdictions = ["eu", "fedramp", "us"];

// Wrangler's own rule for workflow names (`isValidWorkflowName`), reported as an error.
const workflowName = {
  regex: /^[a-zA-Z0-9_][a-zA-Z0-9_-]{0,63}$/,
  rule: "be 1–64 letters, digits, _ or -, not starting with -",
  severity: "error",
} as const;

const positiveInteger = { range: { min: 1, severity: "error" } } as const;

const d1Databases: BindingKind = {
  key: "d1_databases",
  shape: "array",
  title: "D1 database",
  summary: "Query a D1 SQLite database",
  description:
    "Gives the Worker a D1 database: serverless SQLite queried with prepared statements. Leave `database_id` out and Wrangler creates the database on the first deploy.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "DB"),
    field("database_name", "string", "The database's name, as `wrangler d1` commands take it.", {
      example: "my-database",
    }),
    field("database_id", "string", "The database's id."),
    field("preview_database_id", "string", "A second database that `wrangler dev --remote` uses."),
    field(
      "jurisdiction",
      "string",
      "The jurisdiction a newly created database keeps its data in.",
      {
        // Wrangler passes the value on unchecked.
        values: jurisdictions,
        valuesSeverity: "warning",
      },
    ),
    field("migrations_dir", "string", "The folder of SQL migration files (`migrations` if unset)."),
    field("migrations_table", "string", "The table recording applied migrations."),
    field("migrations_pattern", "string", "A glob choosing the migration files in the folder."),
    field("database_internal_env", "string", "An internal setting for Cloudflare's own use."),
    remoteField,
  ],
  runtimeType: "D1Database",
  resource: "database_name",
  docs: "/d1/worker-api/",
  icon: "database",
};

const vectorize: BindingKind = {
  key: "vectorize",
  shape: "array",
  title: "Vectorize index",
  summary: "Store and search vector embeddings",
  description:
    "Gives the Worker a Vectorize index for storing embeddings and finding the nearest ones, the usual base for semantic search.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "VECTORIZE"),
    field("index_name", "string", "The index, as created with `wrangler vectorize create`.", {
      ...required,
      example: "my-index",
    }),
    remoteField,
  ],
  runtimeType: "VectorizeIndex",
  resource: "index_name",
  docs: "/vectorize/reference/client-api/",
};

const hyperdrive: BindingKind = {
  key: "hyperdrive",
  shape: "array",
  title: "Hyperdrive configuration",
  summary: "Reach an existing Postgres or MySQL database, pooled",
  description:
    "Gives the Worker a pooled, cached connection to a database you already run; database drivers take their connection string from it.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "HYPERDRIVE"),
    field("id", "string", "The id of the Hyperdrive configuration.", {
      ...required,
      example: "<HYPERDRIVE_ID>",
    }),
    field("localConnectionString", "string", "The database `wrangler dev` connects to instead."),
    remoteField,
  ],
  runtimeType: "Hyperdrive",
  resource: "id",
  docs: "/hyperdrive/",
  icon: "database",
};

const analyticsEngine: BindingKind = {
  key: "analytics_engine_datasets",
  shape: "array",
  title: "Analytics Engine dataset",
  summary: "Write data points to an Analytics Engine dataset",
  description:
    "Lets the Worker record data points (numbers, labels and an index) that you query later with SQL.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "ANALYTICS"),
    field("dataset", "string", "The name of the dataset to write to.", {
      nonEmpty: true,
      example: "my-dataset",
    }),
    remoteField,
  ],
  runtimeType: "AnalyticsEngineDataset",
  resource: "dataset",
  docs: "/analytics/analytics-engine/",
  icon: "graph",
};

const workflows: BindingKind = {
  key: "workflows",
  shape: "array",
  title: "Workflow",
  summary: "Start and manage durable, multi-step Workflows",
  description:
    "Lets the Worker start and inspect instances of a Workflow, a class whose steps are retried and persisted until the run completes. Each Workflow name may appear once.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "MY_WORKFLOW"),
    field("name", "string", "The Workflow's name on Cloudflare, apart from the binding name.", {
      ...required,
      pattern: workflowName,
      example: "my-workflow",
    }),
    field("class_name", "string", "The exported `WorkflowEntrypoint` class that runs it.", {
      ...required,
      example: "MyWorkflow",
      refersTo: "class",
    }),
    field("script_name", "string", "The Worker that defines the class, if not this one.", {
      refersTo: "worker",
    }),
    field("limits", "table", "Limits on each instance.", {
      fields: [
        field("steps", "integer", "The most steps an instance may run (at most 25,000).", {
          ...positiveInteger,
        }),
      ],
    }),
    field("concurrency", "table", "Limits on instances running together.", {
      fields: [
        field("limit", "integer", "The most instances running at once.", { ...positiveInteger }),
      ],
    }),
    field("schedules", ["string", "array"], "Cron expressions that start instances.", {
      items: "string",
    }),
    field("default_retention", "table", "How long finished instances are kept.", {
      fields: [
        field("success_retention", ["integer", "string"], 'Milliseconds, or a span like "3 days".'),
        field("error_retention", ["integer", "string"], "The same, for failed instances."),
      ],
    }),
    field("jurisdiction", "string", "The jurisdiction the Workflow's state stays in.", {
      values: jurisdictions,
    }),
  ],
  runtimeType: "Workflow",
  resource: "name",
  docs: "/workflows/",
  icon: "type-hierarchy",
};

const pipelines: BindingKind = {
  key: "pipelines",
  shape: "array",
  title: "Pipeline",
  summary: "Send records into a Pipelines stream",
  description:
    "Lets the Worker send JSON records into a Pipelines stream, which batches them and writes them out, for example as tables in R2.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "MY_STREAM"),
    field("stream", "string", "The id of the stream to write to.", {
      requiredUnless: "pipeline",
      example: "<STREAM_ID>",
    }),
    field("pipeline", "string", "The older name of `stream`.", {
      deprecated: "use `stream`, which names the same thing.",
    }),
    remoteField,
  ],
  runtimeType: "Pipeline",
  resource: "stream",
  docs: "/pipelines/streams/writing-to-streams/",
};

const secretsStoreSecrets: BindingKind = {
  key: "secrets_store_secrets",
  shape: "array",
  title: "Secrets Store secret",
  summary: "Read an account-level secret from Secrets Store",
  description:
    "Gives the Worker one secret from the account's Secrets Store, shared between Workers instead of set on each.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "API_KEY"),
    field("store_id", "string", "The id of the store.", { ...required, example: "<STORE_ID>" }),
    field("secret_name", "string", "The secret's name in the store.", {
      ...required,
      example: "my-secret",
    }),
  ],
  runtimeType: "SecretsStoreSecret",
  resource: "secret_name",
  docs: "/secrets-store/integrations/workers/",
  icon: "shield",
};

const rateLimits: BindingKind = {
  key: "ratelimits",
  shape: "array",
  title: "Rate limiter",
  summary: "Count requests per key against a limit",
  description:
    "Gives the Worker a rate limiter: each call counts one request for a key you choose and says whether the key is still within its limit.",
  names: { from: "field", field: "name" },
  fields: [
    nameField("name", "MY_RATE_LIMITER"),
    field("namespace_id", "string", "A number, unique in the account, naming the counters.", {
      ...required,
      example: "1001",
    }),
    field("simple", "table", "The limit: how many requests per period.", {
      ...required,
      fields: [
        field("limit", "number", "Requests allowed per period.", { ...required, example: 100 }),
        field("period", "number", "The period in seconds: 10 or 60.", {
          ...required,
          values: [10, 60],
          example: 60,
        }),
      ],
    }),
  ],
  runtimeType: "RateLimit",
  resource: "namespace_id",
  docs: "/workers/runtime-apis/bindings/rate-limit/",
};

/** The storage kinds, in the order features list them. */
export const storageKinds: readonly BindingKind[] = [
  d1Databases,
  vectorize,
  hyperdrive,
  analyticsEngine,
  workflows,
  pipelines,
  secretsStoreSecrets,
  rateLimits,
];
