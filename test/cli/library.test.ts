/** The package entry (dist/index.js) exposes the typed API the CLI uses. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtFile } from '../built.js';

const ENTRY = builtFile('dist/index.js');

describe('library API', () => {
  it('loads, checks, compiles, and answers status and explain', async () => {
    const api = (await import(ENTRY.href)) as typeof import('../../src/index.js');
    const config = api.load([new URL('../../examples/crisis-line', import.meta.url).pathname]);
    expect(api.check(config, { now: '2026-03-02T12:00' }).errorCount).toBe(0);
    const timeline = api.compile(config, { from: '2026-03-02', to: '2026-03-03' });
    expect(timeline.portals.map((p) => p.portal.id)).toEqual(['teen-chat', 'text-line', 'website-chat']);
    // Monday 2026-03-02 10:00 in Chicago: the weekday website chat is on.
    const status = api.statusAt(config, { at: '2026-03-02T10:00' });
    expect(status.portals.find((p) => p.id === 'website-chat')!.online).toBe(true);
    expect(api.explain(config, 'website-chat', { at: '2026-03-02T10:00' }).occurrences.map((o) => o.shift.id)).toEqual(['web-weekday-day']);
    expect(() => api.compile(api.loadFromTexts([{ file: 'x.yaml', text: 'shiftready: 1\n' }]))).toThrow(api.ConfigHasErrors);
  });

  it('makes the coverage report and its HTML page, as `report` does', async () => {
    const api = (await import(ENTRY.href)) as typeof import('../../src/index.js');
    const config = api.load([new URL('../../examples/crisis-line', import.meta.url).pathname]);
    const period = { from: '2026-03-02', to: '2026-03-09' };
    const report = api.coverage(config, period);
    expect(report.portals.map((p) => p.portal.id)).toEqual(['teen-chat', 'text-line', 'website-chat']);
    const page = api.coveragePage(config, period);
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page.match(/<figure class="portal"/g)).toHaveLength(3);
  });

  it('loads with plain require() in CommonJS (dist/index.cjs, the `require` export), on this Node without flags', () => {
    builtFile('dist/index.cjs');
    const root = fileURLToPath(new URL('../..', import.meta.url));
    // Resolved by the package's own name (exports' `require` condition), from inside the package.
    const script = `const s = require('shiftready');
const config = s.load(['examples/crisis-line']);
const t = s.compile(config, { from: '2026-03-02', to: '2026-03-03' });
process.stdout.write(JSON.stringify([require.resolve('shiftready'), s.check(config, { now: '2026-03-02T12:00' }).errorCount, t.portals.map((p) => p.portal.id)]));`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual([
      fileURLToPath(new URL('../../dist/index.cjs', import.meta.url)),
      0,
      ['teen-chat', 'text-line', 'website-chat'],
    ]);
  });
});
