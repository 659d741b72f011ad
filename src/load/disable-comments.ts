/** `# shiftready-disable-next-line` comments, found in the text before (and without) parsing it. */
import type { DisabledRules } from './source.js';

const DIRECTIVE = /(?:^|\s)#\s*shiftready-disable-next-line\b([^\n]*)/;

/** Finds `# shiftready-disable-next-line` comments; a bare directive silences every rule. */
export function parseDisableComments(text: string): DisabledRules {
  const out = new Map<number, ReadonlySet<string> | 'all'>();
  if (!text.includes('shiftready-disable-next-line')) return out;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const ids = m[1]!
      .split('--')[0]!
      .split(/[\s,]+/)
      .filter(Boolean);
    // Directive on line i+1 (1-based) silences line i+2.
    out.set(i + 2, ids.length ? new Set(ids) : 'all');
  });
  return out;
}
