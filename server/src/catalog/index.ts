/**
 * The catalog of what Wrangler accepts in a Worker configuration, and the lookups every feature
 * uses. Key paths are relative to the top level or to an environment: `kv_namespaces`,
 * `durable_objects.bindings`, never `env.staging.kv_namespaces`.
 */
import { configKeys } from "./config-keys";
import { coreKinds } from "./core-kinds";
import { productKinds } from "./product-kinds";
import { specialKinds } from "./special-kinds";
import { storageKinds } from "./storage-kinds";
import type { BindingKind, ConfigKey } from "./types";
import { workerKinds } from "./worker-kinds";

/**
 * The kinds besides the core ones. Completion, the tree and "Add binding" list kinds in this
 * order, so the groups keep their places here whatever file holds them.
 */
const otherKinds: readonly BindingKind[] = [
  ...storageKinds,
  ...workerKinds,
  ...productKinds,
  ...specialKinds,
];

export { configKeys, coreKinds, otherKinds };

/** Every binding kind, the core ones first. */
export const bindingKinds: readonly BindingKind[] = [...coreKinds, ...otherKinds];

const kindsByKey = new Map(bindingKinds.map((kind) => [kind.key, kind]));
const configKeysByName = new Map(configKeys.map((key) => [key.name, key]));

/** The binding kind at a key path such as `r2_buckets` or `queues.producers`. */
export function findKind(keyPath: string): BindingKind | undefined {
  return kindsByKey.get(keyPath);
}

/** The non-binding key of that name, legacy keys included. */
export function findConfigKey(name: string): ConfigKey | undefined {
  return configKeysByName.get(name);
}

/** The kinds whose key paths start with `container.`: `queues` holds producers and consumers. */
export function kindsUnder(container: string): readonly BindingKind[] {
  return bindingKinds.filter((kind) => kind.key.startsWith(`${container}.`));
}

/** Whether a key is a table holding binding kinds (`durable_objects`, `queues`, `unsafe`…). */
export function isContainerKey(name: string): boolean {
  return kindsUnder(name).length > 0;
}

export function docsUrl(path: string): string {
  return `https://developers.cloudflare.com${path}`;
}

/** The kind's product icon in the Bindings explorer: its own, or a plug for "something bound". */
export function kindIcon(kind: BindingKind): string {
  return kind.icon ?? "plug";
}

/** Top-level keys that Wrangler ignores, with a warning, inside `[env.NAME]`. */
export const topLevelOnlyKeys: ReadonlySet<string> = new Set([
  ...bindingKinds.filter((kind) => kind.topLevelOnly).map((kind) => kind.key),
  ...configKeys.filter((key) => key.topLevelOnly).map((key) => key.name),
]);

/** Top-level keys an environment takes over when it does not set them itself. */
export const inheritedKeys: ReadonlySet<string> = new Set([
  ...bindingKinds.filter((kind) => kind.inherited).map((kind) => kind.key.split(".")[0]!),
  ...configKeys.filter((key) => key.inherited).map((key) => key.name),
]);
