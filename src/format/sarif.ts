/**
 * SARIF 2.1.0 for code scanning (GitHub and others): valid under Microsoft's SARIF validator with
 * GitHub's rules (`--rule-kind "Sarif;Gh"`): every rule has `help`, and locations are relative
 * URIs under the `%SRCROOT%` base.
 */
import type { CheckResult } from '../check.js';
import type { Suggestion } from '../findings.js';
import { RULES } from '../rules/index.js';
import { DOCS_BASE_URL, docsUrl } from '../rules/rule.js';
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

/** What the CLI knows beyond the findings. */
export interface SarifOptions {
  /**
   * Where the relative paths start: an absolute `file:` URI ending in `/` (SARIF §3.14.14) and
   * what it is. Without it, `%SRCROOT%` is described as the directory shiftready ran in.
   */
  root?: { uri: string; description: string };
  /** Each rule's documentation page (Markdown, docs/rules/<id>.md), by rule id. */
  pages?: ReadonlyMap<string, string>;
}

/** Relative links of a rule page, made absolute: the page is read away from the docs folder. */
function absoluteLinks(markdown: string): string {
  return markdown.replace(/\]\(([^)\s]+)\)/g, (m, target: string) =>
    /^[a-z][a-z0-9+.-]*:|^#/i.test(target) ? m : `](${new URL(target, DOCS_BASE_URL).href})`,
  );
}

/** A rule page as plain text: headings, emphasis, code marks and fences removed, links as `text (url)`. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/^```.*\n?/gm, '')
    .replace(/^#{1,6}\s+/gm, '')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '$1 ($2)');
}

/**
 * A rule's `help` (GitHub shows it beside each result): its documentation page when given, else
 * its description and a link to the page; the link in `helpUri` either way.
 */
function ruleHelp(id: string, description: string, page: string | undefined): { text: string; markdown: string } {
  const markdown = absoluteLinks(page ?? `# ${id}\n\n${description}\n\n[Documentation](${docsUrl(id)})\n`).trimEnd();
  return { text: markdownToText(markdown), markdown };
}

export function formatSarif(result: CheckResult, options: SarifOptions = {}): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const rules = RULES.map((r) => ({
    id: r.meta.id,
    // SARIF §3.49.7: `name` must differ from `id` (compared without case), else be omitted.
    ...(r.meta.id.includes('-') ? { name: r.meta.id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()) } : {}),
    shortDescription: { text: r.meta.description },
    fullDescription: { text: r.meta.description },
    help: ruleHelp(r.meta.id, r.meta.description, options.pages?.get(r.meta.id)),
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
        originalUriBaseIds: {
          '%SRCROOT%': options.root
            ? { uri: options.root.uri, description: { text: options.root.description } }
            : { description: { text: 'The directory shiftready was run in.' } },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
