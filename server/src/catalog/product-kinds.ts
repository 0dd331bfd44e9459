/**
 * Bindings to Cloudflare products that take little more than a name: the single-table kinds
 * (`[ai]`, `[browser]`…) and the newer array kinds, most of which point at one resource.
 * index.ts lists them between the Worker's own kinds and the special ones.
 */
import { field, nameField, remoteField, required } from "./core-kinds";
import type { BindingKind, FieldSpec } from "./types";

interface KindText {
  readonly key: string;
  readonly title: string;
  readonly summary: string;
  readonly description: string;
  readonly runtimeType: string;
  readonly docs: string;
  /** The binding name "Add binding" suggests. */
  readonly example: string;
}

/** A `[key]` table holding one binding, named by `binding`, with `remote` and `extra` fields. */
function singleTable(text: KindText, extra: readonly FieldSpec[] = []): BindingKind {
  const { example, ...rest } = text;
  return {
    ...rest,
    shape: "table",
    names: { from: "field", field: "binding" },
    fields: [nameField("binding", example), ...extra, remoteField],
  };
}

/** A `[[key]]` array whose entries point at one resource through the `resource` field. */
function resourceArray(text: KindText, resource: FieldSpec): BindingKind {
  const { example, ...rest } = text;
  return {
    ...rest,
    shape: "array",
    names: { from: "field", field: "binding" },
    fields: [nameField("binding", example), resource, remoteField],
    resource: resource.name,
  };
}

function requiredString(name: string, description: string, example: string): FieldSpec {
  return field(name, "string", description, { ...required, example });
}

const ai: BindingKind = {
  ...singleTable(
    {
      key: "ai",
      title: "Workers AI",
      summary: "Run AI models on Cloudflare's GPUs",
      description:
        "Gives the Worker access to the Workers AI model catalog: text generation, embeddings, image and speech models. Usage is billed even under `wrangler dev`, which always calls the real service.",
      runtimeType: "Ai",
      docs: "/workers-ai/configuration/bindings/",
      example: "AI",
    },
    [
      field(
        "staging",
        "boolean",
        "An internal switch that points the binding at a staging service.",
      ),
    ],
  ),
  icon: "circuit-board",
  // Wrangler checks `binding` and `remote` only and lets any other field pass.
  openFields: true,
};

const browser = singleTable({
  key: "browser",
  title: "Browser Run",
  summary: "Drive a headless Chromium browser",
  description:
    "Gives the Worker a headless browser on Cloudflare's network, usually driven with Puppeteer or Playwright, to render pages, take screenshots or make PDFs.",
  runtimeType: "BrowserRun",
  docs: "/browser-run/",
  example: "BROWSER",
});

const images = singleTable({
  key: "images",
  title: "Images",
  summary: "Resize, convert and draw on images",
  description:
    "Lets the Worker transform images it holds (resize, crop, convert format, overlay) without storing them in Cloudflare Images first.",
  runtimeType: "ImagesBinding",
  docs: "/images/optimization/transformations/bindings/",
  example: "IMAGES",
});

const stream = singleTable({
  key: "stream",
  title: "Stream",
  summary: "Upload and manage videos in Cloudflare Stream",
  description:
    "Lets the Worker upload, list and manage the videos of the account's Stream library.",
  runtimeType: "StreamBinding",
  docs: "/stream/manage-video-library/bindings/",
  example: "STREAM",
});

const media = singleTable({
  key: "media",
  title: "Media Transformations",
  summary: "Trim, resize and extract frames from short videos",
  description:
    "Lets the Worker transform short video files: resize or trim them, pull out frames, or extract the audio.",
  runtimeType: "MediaBinding",
  docs: "/stream/transform-videos/bindings/",
  example: "MEDIA",
});

const analytics = singleTable({
  key: "analytics",
  title: "Analytics SQL",
  summary: "Query the account's analytics datasets with SQL",
  description:
    "Lets the Worker run SQL `SELECT` queries against the account's analytics datasets, scoped to the account automatically.",
  runtimeType: "AnalyticsSQLBinding",
  docs: "/workers/runtime-apis/bindings/analytics-sql/",
  example: "ANALYTICS_SQL",
});

const versionMetadata: BindingKind = {
  key: "version_metadata",
  shape: "table",
  title: "Version metadata",
  summary: "Read the id and tag of the running Worker version",
  description:
    "Gives the Worker the id, tag and timestamp of the version that is running, for logs and error reports.",
  names: { from: "field", field: "binding" },
  fields: [nameField("binding", "CF_VERSION_METADATA")],
  runtimeType: "WorkerVersionMetadata",
  docs: "/workers/runtime-apis/bindings/version-metadata/",
  // Wrangler checks `binding` only.
  openFields: true,
};

const workerLoaders: BindingKind = {
  key: "worker_loaders",
  shape: "array",
  title: "Worker Loader",
  summary: "Load and run code in fresh isolates at runtime",
  description:
    "Lets the Worker start further Workers from code it supplies at runtime, each in its own isolate and with the bindings and network access you allow.",
  names: { from: "field", field: "binding" },
  fields: [nameField("binding", "LOADER")],
  runtimeType: "WorkerLoader",
  docs: "/workers/runtime-apis/bindings/worker-loader/",
};

const vpcServices = resourceArray(
  {
    key: "vpc_services",
    title: "VPC service",
    summary: "Reach a service on a private network",
    description:
      "Gives the Worker a fetcher for one service on a private network, reached through a Cloudflare Tunnel.",
    runtimeType: "Fetcher",
    docs: "/workers-vpc/configuration/vpc-services/",
    example: "PRIVATE_API",
  },
  requiredString("service_id", "The id of the VPC service.", "<SERVICE_ID>"),
);

const vpcNetworks: BindingKind = {
  key: "vpc_networks",
  shape: "array",
  title: "VPC network",
  summary: "Reach any host on a private network",
  description:
    "Gives the Worker a fetcher for a whole private network, reached through a Cloudflare Tunnel or a Cloudflare network. Give exactly one of `tunnel_id` and `network_id`.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "PRIVATE_NETWORK"),
    field("tunnel_id", "string", "The id of the Cloudflare Tunnel into the network.", {
      requiredUnless: "network_id",
      conflictsWith: "network_id",
      example: "<TUNNEL_ID>",
    }),
    field("network_id", "string", "The id of the network, instead of a tunnel.", {
      conflictsWith: "tunnel_id",
    }),
    remoteField,
  ],
  runtimeType: "Fetcher",
  docs: "/workers-vpc/configuration/vpc-networks/",
};

const aiSearch = resourceArray(
  {
    key: "ai_search",
    title: "AI Search instance",
    summary: "Search and chat over one AI Search instance",
    description:
      "Gives the Worker one AI Search instance in the default namespace, to search indexed content or answer questions from it.",
    runtimeType: "AiSearchInstance",
    docs: "/ai-search/api/search/workers-binding/",
    example: "AI_SEARCH",
  },
  requiredString("instance_name", "The name of the AI Search instance.", "my-instance"),
);

const aiSearchNamespaces = resourceArray(
  {
    key: "ai_search_namespaces",
    title: "AI Search namespace",
    summary: "Manage and search the instances of an AI Search namespace",
    description:
      "Gives the Worker one AI Search namespace: it can create, list and delete instances there and search across several at once.",
    runtimeType: "AiSearchNamespace",
    docs: "/ai-search/api/namespaces/workers-binding/",
    example: "AI_SEARCH",
  },
  requiredString("namespace", "The namespace; Wrangler creates it on deploy if needed.", "default"),
);

const agentMemory = resourceArray(
  {
    key: "agent_memory",
    title: "Agent Memory",
    summary: "Give an agent memory that lasts across conversations",
    description:
      "Gives the Worker an Agent Memory namespace, whose profiles store facts and history for an agent to recall later.",
    runtimeType: "AgentMemoryNamespace",
    docs: "/agent-memory/api/workers-api/",
    example: "MEMORY",
  },
  requiredString("namespace", "The Agent Memory namespace.", "my-namespace"),
);

const artifacts = resourceArray(
  {
    key: "artifacts",
    title: "Artifacts",
    summary: "Create and manage Git repositories in Artifacts",
    description:
      "Gives the Worker an Artifacts namespace of Git-compatible repositories, which it can create, fork and hand out tokens for.",
    runtimeType: "Artifacts",
    docs: "/artifacts/api/workers-binding/",
    example: "ARTIFACTS",
  },
  requiredString("namespace", "The Artifacts namespace.", "default"),
);

const flagship = resourceArray(
  {
    key: "flagship",
    title: "Flagship",
    summary: "Evaluate feature flags from Flagship",
    description:
      "Gives the Worker the feature flags of one Flagship app, evaluated per request with a default for when evaluation fails.",
    runtimeType: "Flagship",
    docs: "/flagship/binding/",
    example: "FLAGS",
  },
  field("app_id", "string", "The id of the Flagship app.", { example: "<APP_ID>" }),
);

const k2 = resourceArray(
  {
    key: "k2",
    title: "K2 stream",
    summary: "Append records to a K2 durable log",
    description:
      "Lets the Worker append batches of records to a K2 stream, a durable log read through subscriptions. It always reaches the real stream: `remote = false` is an error.",
    // Wrangler writes this producer type inline instead of naming one.
    runtimeType: "{ send(records): Promise<{ success: boolean }> }",
    docs: "/k2/features/produce/",
    example: "EVENTS",
  },
  requiredString("stream", "The id of the stream.", "<STREAM_ID>"),
);

const helloWorld: BindingKind = {
  key: "unsafe_hello_world",
  shape: "array",
  title: "Hello World",
  summary: "A sample binding used to test Wrangler itself",
  description:
    "A minimal binding Cloudflare uses to exercise new binding plumbing; not for real Workers.",
  names: { from: "field", field: "binding" },
  fields: [
    nameField("binding", "HELLO_WORLD"),
    field("enable_timer", "boolean", "Turns on the sample's timer."),
  ],
  runtimeType: "HelloWorldBinding",
  docs: "/workers/wrangler/configuration/",
};

export const productKinds: readonly BindingKind[] = [
  ai,
  browser,
  images,
  stream,
  media,
  analytics,
  versionMetadata,
  workerLoaders,
  vpcServices,
  vpcNetworks,
  aiSearch,
  aiSearchNamespaces,
  agentMemory,
  artifacts,
  flagship,
  k2,
  helloWorld,
];
