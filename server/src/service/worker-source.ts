/**
 * The classes a Worker's source exports, found by reading its text rather than compiling it:
 * Durable Object and Workflow classes are named in `class_name`, and completion offers them
 * while go-to-definition jumps to them. A scan is enough for the forms people write
 * (`export class X`, `export default class X`, `class X … export { X }`), and it never fails.
 */

export interface ExportedClass {
  readonly name: string;
  /** Offset of the class name in the declaration. */
  readonly offset: number;
}

const DECLARED = /(^|[\s;])(export\s+(?:default\s+)?)?(?:abstract\s+)?class\s+([A-Za-z_$][\w$]*)/g;
const EXPORT_LIST = /export\s*\{([^}]*)\}/g;

export function exportedClasses(source: string): ExportedClass[] {
  const declared = new Map<string, { offset: number; exported: boolean }>();
  for (const match of source.matchAll(DECLARED)) {
    const name = match[3]!;
    const offset = match.index + match[0].length - name.length;
    if (!declared.has(name)) declared.set(name, { offset, exported: Boolean(match[2]) });
  }

  for (const match of source.matchAll(EXPORT_LIST)) {
    for (const item of match[1]!.split(",")) {
      const [local, exported] = item.trim().split(/\s+as\s+/);
      const known = local && declared.get(local);
      if (!known) continue;
      if (exported && exported !== local) {
        declared.set(exported, { offset: known.offset, exported: true });
      } else known.exported = true;
    }
  }

  return [...declared]
    .filter(([, { exported }]) => exported)
    .map(([name, { offset }]) => ({ name, offset }));
}
