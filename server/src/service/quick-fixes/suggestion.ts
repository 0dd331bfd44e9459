/**
 * "Did you mean": replaces a mistyped key, field, enumeration value or binding name with the
 * suggestion the check attached. A key named by headers (`[[kv_namespace]]`, written once per
 * entry) is renamed in every header that names it, or the entries would split in two tables.
 */
import type { CodeAction, Diagnostic } from "vscode-languageserver-types";
import type { Span } from "../../syntax/model";
import type { DiagnosticData } from "../diagnostics";
import { locate, type Located } from "../locate";
import { quickFix, sameSpan, spanOf, type FixContext, type OffsetEdit } from "./edits";
import { startsWith } from "./layout";

/** Quotes, backslashes and control characters would need escaping; no suggestion has them. */
const NEEDS_ESCAPING = /["'\\\p{Cc}]/u;

export function replaceWithSuggestion(
  context: FixContext,
  diagnostic: Diagnostic,
): CodeAction | undefined {
  const suggestion = (diagnostic.data as DiagnosticData | undefined)?.suggestion;
  if (typeof suggestion !== "string" || !suggestion || NEEDS_ESCAPING.test(suggestion))
    return undefined;

  const span = spanOf(context, diagnostic);
  const located = locate(context.document, span.start);
  if (!located || !sameSpan(located.span, span)) return undefined;

  const edits = renames(context, located, suggestion);
  return quickFix(context, `Change to "${suggestion}"`, diagnostic, edits, true);
}

function renames(context: FixContext, located: Located, suggestion: string): OffsetEdit[] {
  switch (located.on) {
    case "value":
      return located.value.kind === "string"
        ? [replaceContent(context.text, located.span, suggestion)]
        : [];
    case "key":
      return [replaceContent(context.text, located.span, suggestion)];
    case "header": {
      // Every header under the same path names the same key: rename the segment in each.
      const prefix = located.section.header!.path.slice(0, located.segment + 1);
      return context.document.sections.flatMap((section) => {
        const header = section.header;
        if (!header || !startsWith(header.path, prefix)) return [];
        return [replaceContent(context.text, header.pathSpans[located.segment]!, suggestion)];
      });
    }
  }
}

/** Replaces a key or string, keeping its quotes (`"…"`, `'…'`, or the triple forms). */
function replaceContent(text: string, span: Span, replacement: string): OffsetEdit {
  const written = text.slice(span.start, span.end);
  const quote = /^("""|'''|"|')/.exec(written)?.[0];
  const inset = quote && written.length >= 2 * quote.length && written.endsWith(quote);
  const margin = inset ? quote.length : 0;
  return { start: span.start + margin, end: span.end - margin, newText: replacement };
}
