/**
 * Parsing across worker threads (used for configurations over 1 MB) gives exactly what parsing in
 * one thread gives: the same data, problems and findings, with locations found by parsing a file
 * again on demand. The workers exist only in the build (`npm test` builds first).
 */
import { describe, expect, it } from 'vitest';
import { builtFile } from '../built.js';
import { BASE, tempDir } from '../helpers.js';

const DIST = builtFile('dist/check.js');

describe('parallel parsing', () => {
  it('gives the same findings, locations and related locations as one thread', async () => {
    const { check, loadAsync } = (await import(DIST.href)) as typeof import('../../src/check.js');
    const dir = tempDir({
      'a.yaml': BASE,
      'b.yaml':
        'shiftready: 1\nprograms:\n  - id: chat-program\nshifts:\n  - id: s\n    program: chat-progam\n    messaging: chat\n    start: 0900\n    end: "17:00"\n    date: 2026-01-06\n    staff: [ana, bob]\n',
      'c.yaml': 'shiftready: 1\nusers:\n  - id: cy\n    programs: [chat-program]\n    canReceive: [chat, sms]\n    canReceive: [chat]\n',
      'd.yaml': 'shiftready: 1\noverrides:\n  - { portal: web, offline: 2026-01-05T10:00, online: 2026-01-05T09:00, by: ben }\n',
    });
    const one = check(await loadAsync([dir], { threads: 0 }), { now: '2026-01-05T12:00' });
    const parallel = await loadAsync([dir], { threads: 3 });
    const three = check(parallel, { now: '2026-01-05T12:00' });
    expect(one.findings.length).toBeGreaterThan(5);
    expect(three.findings).toEqual(one.findings);
    // Worker-parsed files carry no syntax tree until a location is needed.
    expect(parallel.sources.map((s) => s.data)).toEqual((await loadAsync([dir], { threads: 0 })).sources.map((s) => s.data));
  });
});
