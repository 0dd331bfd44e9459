/**
 * The Bindings explorer's whole tree of two small configurations, one TOML and one JSON with
 * comments: the top level and each environment, kinds in catalog order, every binding with its
 * range, selection, description, tooltip and problems.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { coreKinds } from "../../server/src/catalog";
import { lines } from "../support/check";
// Two statements, each on one line, keep this file within 400 lines.
import { CONSUMERS, DISPATCH, EMAIL, KV, MTLS, named, OBJECTS } from "../support/explorer";
import { PRODUCERS, R2, SECRETS, SERVICES, tooltip, tree, URI, VARS } from "../support/explorer";

const KV_ID = "0123456789abcdef0123456789abcdef";
const STAGING_KV_ID = "fedcba9876543210fedcba9876543210";

const API = lines(
  'name = "api"',
  'main = "src/index.ts"',
  "",
  "[[services]]",
  'binding = "AUTH"',
  'service = "auth"',
  "",
  "[[kv_namespaces]]",
  'binding = "CACHE"',
  `id = "${KV_ID}"`,
  "",
  "[vars]",
  'MODE = "production"',
  "RETRIES = 3",
  "",
  "[env.staging]",
  'vars = { MODE = "staging", RETRIES = 1 }',
  'services = [{ binding = "AUTH", service = "auth-staging" }]',
  "",
  "[[env.staging.kv_namespaces]]",
  'binding = "CACHE"',
  `id = "${STAGING_KV_ID}"`,
  "",
  "[[env.staging.r2_buckets]]",
  'binding = "UPLOADS"',
  'bucket_name = "Uploads"',
  "",
  "[env.production.queues]",
  'producers = [{ binding = "JOBS", queue = "jobs" }]',
  "",
  "[[env.production.queues.consumers]]",
  'queue = "jobs"',
  "max_batch_size = 10",
  "",
  "[[env.production.durable_objects.bindings]]",
  'name = "ROOMS"',
  'class_name = "Room"',
  'script_name = "rooms"',
);

const DISPATCHER = lines(
  "{",
  "  // The dispatcher of a Workers for Platforms app.",
  '  "name": "dispatcher",',
  '  "dispatch_namespaces": [',
  '    { "binding": "CUSTOMERS", "namespace": "customers", "outbound": { "service": "egress" } }',
  "  ],",
  '  "mtls_certificates": [{ "binding": "ORIGIN_CERT", "certificate_id": "" }],',
  '  "send_email": [{ "name": "MAILER", "destination_address": "ops@example.com" }],',
  '  "secrets": { "required": ["API_KEY"] },',
  '  "env": {',
  '    "dev": { "vars": { "DEBUG": true } }',
  "  }",
  "}",
);

describe("the Bindings explorer's tree of one configuration", () => {
  test("TOML: the top level, then each environment; kinds in catalog order; every binding", () => {
    assert.deepEqual(tree(API).shown, {
      uri: URI,
      name: "api",
      environments: [
        {
          kinds: [
            {
              ...SERVICES,
              range: "3:2-3:10",
              writes: "services",
              bindings: [
                named(
                  "AUTH",
                  "auth",
                  ["3:0-5:16", '"AUTH"'],
                  tooltip("AUTH", SERVICES, 'binding = "AUTH"', 'service = "auth"'),
                ),
              ],
            },
            {
              ...KV,
              range: "7:2-7:15",
              writes: "kv_namespaces",
              bindings: [
                named(
                  "CACHE",
                  KV_ID,
                  ["7:0-9:39", '"CACHE"'],
                  tooltip("CACHE", KV, 'binding = "CACHE"', `id = "${KV_ID}"`),
                ),
              ],
            },
            {
              ...VARS,
              range: "11:1-11:5",
              writes: "vars",
              bindings: [
                named(
                  "MODE",
                  "production",
                  ["12:0-12:19", "MODE"],
                  tooltip("MODE", VARS, 'MODE = "production"'),
                ),
                named(
                  "RETRIES",
                  "3",
                  ["13:0-13:11", "RETRIES"],
                  tooltip("RETRIES", VARS, "RETRIES = 3"),
                  {
                    index: 1,
                  },
                ),
              ],
            },
          ],
        },
        {
          name: "staging",
          range: "15:5-15:12",
          writes: "staging",
          kinds: [
            {
              ...SERVICES,
              range: "17:0-17:8",
              writes: "services",
              bindings: [
                named(
                  "AUTH",
                  "auth-staging",
                  ["17:12-17:58", '"AUTH"'],
                  tooltip("AUTH", SERVICES, 'binding = "AUTH"', 'service = "auth-staging"'),
                ),
              ],
            },
            {
              ...KV,
              range: "19:14-19:27",
              writes: "kv_namespaces",
              bindings: [
                named(
                  "CACHE",
                  STAGING_KV_ID,
                  ["19:0-21:39", '"CACHE"'],
                  tooltip("CACHE", KV, 'binding = "CACHE"', `id = "${STAGING_KV_ID}"`),
                ),
              ],
            },
            {
              ...R2,
              range: "23:14-23:24",
              writes: "r2_buckets",
              bindings: [
                named(
                  "UPLOADS",
                  "Uploads",
                  ["23:0-25:23", '"UPLOADS"'],
                  tooltip("UPLOADS", R2, 'binding = "UPLOADS"', 'bucket_name = "Uploads"'),
                  {
                    problems: [
                      {
                        level: "error",
                        message:
                          'env.staging.r2_buckets[0].bucket_name must be 3–63 characters of a-z, 0-9 and -, starting and ending with a letter or digit; "Uploads" does not.',
                      },
                    ],
                  },
                ),
              ],
            },
            {
              ...VARS,
              range: "16:0-16:4",
              writes: "vars",
              bindings: [
                named(
                  "MODE",
                  "staging",
                  ["16:9-16:25", "MODE"],
                  tooltip("MODE", VARS, 'MODE = "staging"'),
                ),
                named(
                  "RETRIES",
                  "1",
                  ["16:27-16:38", "RETRIES"],
                  tooltip("RETRIES", VARS, "RETRIES = 1"),
                  {
                    index: 1,
                  },
                ),
              ],
            },
          ],
          // The R2 bucket's error, and nothing else, marks staging.
          level: "error",
        },
        {
          name: "production",
          range: "27:5-27:15",
          writes: "production",
          kinds: [
            {
              ...OBJECTS,
              range: "34:33-34:41",
              writes: "bindings",
              bindings: [
                named(
                  "ROOMS",
                  "Room",
                  ["34:0-37:21", '"ROOMS"'],
                  tooltip(
                    "ROOMS",
                    OBJECTS,
                    'name = "ROOMS"',
                    'class_name = "Room"',
                    'script_name = "rooms"',
                  ),
                ),
              ],
            },
            {
              ...PRODUCERS,
              range: "28:0-28:9",
              writes: "producers",
              bindings: [
                named(
                  "JOBS",
                  "jobs",
                  ["28:13-28:49", '"JOBS"'],
                  tooltip("JOBS", PRODUCERS, 'binding = "JOBS"', 'queue = "jobs"'),
                ),
              ],
            },
            {
              ...CONSUMERS,
              range: "30:24-30:33",
              writes: "consumers",
              bindings: [
                {
                  // A consumer binds nothing: it is known by its queue and selected by its header.
                  label: "jobs",
                  description: "jobs",
                  tooltip: tooltip("jobs", CONSUMERS, 'queue = "jobs"', "max_batch_size = 10"),
                  index: 0,
                  problems: [],
                  range: "30:0-32:19",
                  selects: "[[env.production.queues.consumers]]",
                },
              ],
            },
          ],
          // Production lacks the top level's services, KV and vars: warnings on its name.
          level: "warning",
        },
      ],
      level: "error",
    });
  });

  test("JSON with comments: the same tree; a binding's error marks the top level", () => {
    assert.deepEqual(tree(DISPATCHER, "json").shown, {
      uri: URI,
      name: "dispatcher",
      environments: [
        {
          kinds: [
            {
              ...DISPATCH,
              range: "3:2-3:23",
              writes: '"dispatch_namespaces"',
              bindings: [
                named(
                  "CUSTOMERS",
                  "customers",
                  ["4:4-4:93", '"CUSTOMERS"'],
                  tooltip(
                    "CUSTOMERS",
                    DISPATCH,
                    'binding = "CUSTOMERS"',
                    'namespace = "customers"',
                    'outbound = { service = "egress" }',
                  ),
                ),
              ],
            },
            {
              ...MTLS,
              range: "6:2-6:21",
              writes: '"mtls_certificates"',
              bindings: [
                // An empty certificate id describes nothing, and is an error.
                named(
                  "ORIGIN_CERT",
                  undefined,
                  ["6:24-6:74", '"ORIGIN_CERT"'],
                  tooltip("ORIGIN\\_CERT", MTLS, 'binding = "ORIGIN_CERT"', 'certificate_id = ""'),
                  {
                    problems: [
                      {
                        level: "error",
                        message: "mtls_certificates[0].certificate_id must not be empty.",
                      },
                    ],
                  },
                ),
              ],
            },
            {
              ...EMAIL,
              range: "7:2-7:14",
              writes: '"send_email"',
              bindings: [
                named(
                  "MAILER",
                  undefined,
                  ["7:17-7:79", '"MAILER"'],
                  tooltip(
                    "MAILER",
                    EMAIL,
                    'name = "MAILER"',
                    'destination_address = "ops@example.com"',
                  ),
                ),
              ],
            },
            {
              ...SECRETS,
              range: "8:2-8:11",
              writes: '"secrets"',
              bindings: [
                named(
                  "API_KEY",
                  "secret",
                  ["8:28-8:37", '"API_KEY"'],
                  tooltip("API\\_KEY", SECRETS),
                ),
              ],
            },
          ],
          level: "error",
        },
        {
          name: "dev",
          range: "10:4-10:9",
          writes: '"dev"',
          kinds: [
            {
              ...VARS,
              range: "10:13-10:19",
              writes: '"vars"',
              bindings: [
                named(
                  "DEBUG",
                  "true",
                  ["10:23-10:36", '"DEBUG"'],
                  tooltip("DEBUG", VARS, "DEBUG = true"),
                ),
              ],
            },
          ],
          // dev lacks the top level's bindings: warnings on its name.
          level: "warning",
        },
      ],
      level: "error",
    });
  });

  test("the fixtures show every core kind, each with an icon of its own", () => {
    const shown = [tree(API).node, tree(DISPATCHER, "json").node].flatMap((node) =>
      node.environments.flatMap((environment) => environment.kinds),
    );
    for (const core of coreKinds) {
      const found = shown.find((candidate) => candidate.key === core.key);
      assert.ok(found, `${core.key} is shown`);
      assert.notEqual(found.icon, "plug", `${core.key} has its own icon`);
    }
    assert.equal(new Set(coreKinds.map((core) => core.icon)).size, coreKinds.length);
  });
});
