/**
 * A fuzz run in a process of its own, started by the supervisor: it says which case it starts
 * before each, and sends each result as soon as it has it, so a case that never returns is
 * known by its number and nothing found before it is lost when the process is ended.
 */
import { runCase, type CaseResult, type FuzzOptions } from "./run";

export type ChildMessage =
  | { readonly type: "case"; readonly index: number }
  | { readonly type: "result"; readonly result: CaseResult };

const send = (message: ChildMessage) => process.send!(message);

const options = JSON.parse(process.argv[2]!) as FuzzOptions;
const from = options.from ?? 0;
for (let index = from; index < from + options.count; index++) {
  send({ type: "case", index });
  send({ type: "result", result: runCase(options.seed, index, options.boundMs) });
}
process.disconnect();
