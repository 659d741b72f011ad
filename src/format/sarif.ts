/** SARIF 2.1.0 for code scanning (GitHub and others). */
import type { CheckResult } from '../check.js';
import type { Suggestion } from '../findings.js';
import { RULES } from '../rules/index.js';
import { docsUrl } from '../rules/rule.js';
import { VERSION } from '../version.js';

/** A relative path as a URI reference (percent-encoded, forward slashes). */
export function toUri(file: string): string {
  const posix = file.replace(/\\/g, '/');
  const encoded = posix
    .split('/')
    .map((seg) => encodeURIComponent(seg))
    .join('/');
  return posix.startsWith('/') ? `file://${encoded}` : encoded;
}

function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  return file.startsWith('/') ? { uri: toUri(file) } : { uri: toUri(file), uriBaseId: '%SRCROOT%' };
}

/** A suggestion as a SARIF fix (§3.55): its edits grouped by file, each a replacement of a region. */
function fixOf(s: Suggestion): Record<string, unknown> {
  const files = [...new Set(s.edits.map((e) => e.file))];
  return {
    description: { text: s.desc },
    artifactChanges: files.map((file) => ({
      artifactLocation: artifactLocation(file),
      replacements: s.edits
        .filter((e) => e.file === file)
        .map((e) => ({
          deletedRegion: { startLine: e.line, startColumn: e.column, endLine: e.endLine, endColumn: e.endColumn },
          ...(e.text ? { insertedContent: { text: e.text } } : {}),
        })),
    })),
  };
}

export function formatSarif(result: CheckResult): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const rules = RULES.map((r) => ({
    id: r.meta.id,
    // SARIF §3.49.7: `name` must differ from `id` (compared without case), else be omitted.
    ...(r.meta.id.includes('-') ? { name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()) } : {}),
    shortDescription: { text: r.meta.description },
    fullDescription: { text: r.meta.description },
    helpUri: docsUrl(r.meta.id),
    defaultConfiguration: { level: r.meta.severity === 'error' ? 'error' : 'warning' },
  }));
  const location = (file: string, line: number, column: number) => ({
    physicalLocation: {
      artifactLocation: artifactLocation(file),
      region: { startLine: line, startColumn: column },
    },
  });
  const results = result.findings.map((f) => {
    const out: Record<string, unknown> = {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule) ?? -1,
      level: f.severity === 'error' ? 'error' : 'warning',
      message: { text: f.message },
      locations: [location(f.file, f.line, f.column)],
    };
    // A fix needs at least one change (SARIF §3.55.3): suggestions in words alone stay in the message.
    const fixes = (f.suggestions ?? []).filter((s) => s.edits.length > 0);
    if (fixes.length) out.fixes = fixes.map(fixOf);
    if (f.related?.length) {
      out.relatedLocations = f.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.line, r.column), message: { text: r.message } }));
    }
    return out;
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'shiftready',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: 'https://github.com/shiftready/shiftready',
            rules,
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory shiftready was run in.' } } },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
