/**
 * The bundled examples users copy (examples/): crisis-line must check clean for any "now",
 * mistakes must show many different findings, and its README walkthrough must match the tool.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check, load } from '../../src/check.js';
import type { Finding } from '../../src/findings.js';
import { cli } from '../helpers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CRISIS = 'examples/crisis-line';
const MISTAKES = 'examples/mistakes';

function yamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFiles(path));
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out.sort();
}

const show = (findings: readonly Finding[]) => findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}: ${f.message}`);

describe('examples/crisis-line', () => {
  it('checks clean with the CLI (stylish and json)', async () => {
    const stylish = await cli(['check', CRISIS], ROOT);
    expect(stylish.stderr).toBe('');
    expect(stylish.stdout).toContain('no problems');
    expect(stylish.code).toBe(0);

    const json = await cli(['check', CRISIS, '--format', 'json', '--fail-on', 'warn', '--max-warnings', '0'], ROOT);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ findings: [], errorCount: 0, warningCount: 0 });
  });

  it('loads every file of the example', () => {
    const config = load([CRISIS], { cwd: ROOT });
    expect(config.sources.map((s) => s.file).sort()).toEqual(yamlFiles(CRISIS));
    expect(config.sources.length).toBeGreaterThanOrEqual(8);
  });

  // Later versions add time-based rules (coverage, placeholder-only, unstaffed, overrides,
  // holidays) that look at the 90 days from "now": the example must stay clean whenever it runs.
  it.each([
    '2026-01-05T12:00',
    '2026-07-06T12:00',
    '2026-11-25T12:00',
    '2026-12-24T12:00',
    '2027-06-01T12:00',
    '2030-01-01T12:00',
    '2034-12-31T23:59',
  ])('has no findings with now = %s', (now) => {
    const result = check(load([CRISIS], { cwd: ROOT }), { now });
    expect(show(result.findings)).toEqual([]);
  });

  it('has no findings with the real clock', () => {
    const result = check(load([CRISIS], { cwd: ROOT }));
    expect(show(result.findings)).toEqual([]);
  });

  it('has no findings over (almost) ten years', async () => {
    const run = await cli(['check', CRISIS, '--from', '2026-01-05', '--to', '2035-12-31', '--fail-on', 'warn'], ROOT);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('starts every file with the schema modeline and the shiftready: 1 marker', () => {
    for (const file of yamlFiles(CRISIS)) {
      const lines = readFileSync(join(ROOT, file), 'utf8').split('\n');
      const modeline = /^# yaml-language-server: \$schema=(\S+)$/.exec(lines[0] ?? '');
      expect(modeline, `${file}: first line`).not.toBeNull();
      const target = resolve(dirname(join(ROOT, file)), modeline![1]!);
      expect(relative(ROOT, target), `${file}: modeline path`).toBe(join('schema', 'shiftready.schema.json'));
      expect(existsSync(target)).toBe(true);
      const first = lines.find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
      expect(first, `${file}: first key`).toBe('shiftready: 1');
    }
  });

  // Structural guarantees that keep the time-based rules quiet whatever "now" is, whether or not
  // those rules exist yet in this version.
  describe('stays clean by construction', () => {
    const { model } = load([CRISIS], { cwd: ROOT });
    const eligible = (shiftId: string) => {
      const s = model.shiftById.get(shiftId)!;
      return s.staff
        .map((id) => model.userById.get(id)!)
        .filter((u) => u.programs.includes(s.program!) && u.canReceive.includes(s.messaging[0]!));
    };

    it('has the organization, portals and users the example promises', () => {
      expect(model.organization?.timezone).toBe('America/Chicago');
      expect(model.organization?.offlineControl).toEqual(['admin', 'enhanced']);
      expect(model.organization?.offlineMessages.chat).toBeTruthy();
      expect(model.organization?.offlineMessages.sms).toBeTruthy();
      expect(model.portals.filter((p) => p.type === 'chat')).toHaveLength(2);
      expect(model.portals.filter((p) => p.type === 'sms')).toHaveLength(1);
      const portalPrograms = new Set(model.portals.map((p) => p.program));
      expect(model.programs.some((p) => !portalPrograms.has(p.id))).toBe(true);
      const real = model.users.filter((u) => !u.placeholder);
      expect(real.length).toBeGreaterThanOrEqual(10);
      expect(new Set(real.map((u) => u.role))).toEqual(new Set(['admin', 'supervisor', 'enhanced', 'basic']));
      const placeholders = model.users.filter((u) => u.placeholder);
      expect(placeholders).toHaveLength(1);
      expect(placeholders[0]!.mobileAlerts).toBe(false);
    });

    it('registers the placeholder and at least two real eligible users on every shift, one never away', () => {
      const placeholder = model.users.find((u) => u.placeholder)!;
      for (const s of model.shifts) {
        expect(s.messaging, s.id).toHaveLength(1);
        expect(s.minStaff, s.id).toBe(1);
        const users = eligible(s.id);
        expect(
          users.map((u) => u.id),
          s.id,
        ).toContain(placeholder.id);
        const humans = users.filter((u) => !u.placeholder);
        expect(humans.length, `${s.id}: real eligible users`).toBeGreaterThanOrEqual(2);
        expect(humans.filter((u) => u.away.length === 0).length, `${s.id}: a real user who is never away`).toBeGreaterThanOrEqual(1);
      }
    });

    it('has series that do not end soon', () => {
      for (const item of [...model.shifts, ...model.requirements]) {
        if (item.until !== undefined) expect(item.until >= '2030-12-31', item.id).toBe(true);
        expect(item.repeat ?? '', item.id).not.toMatch(/UNTIL|COUNT/);
      }
    });

    it('meets every requirement with a same-pattern shift that always has a human', () => {
      for (const r of model.requirements) {
        const portal = model.portalById.get(r.portal!)!;
        const covering = model.shifts.filter(
          (s) =>
            s.program === portal.program &&
            s.messaging[0] === portal.type &&
            s.repeat === r.repeat &&
            s.except.length === 0 &&
            s.from! <= r.from! &&
            s.start! <= r.start! &&
            s.end! >= r.end! &&
            s.start! < s.end!,
        );
        const humans = covering.flatMap((s) => eligible(s.id)).filter((u) => !u.placeholder && u.away.length === 0);
        expect(humans.length, `${r.id}: always-present humans`).toBeGreaterThanOrEqual(r.minHumans);
        expect(r.minHumans, r.id).toBeGreaterThanOrEqual(1);
      }
    });

    it('records a past, restored override by a permitted user, and holidays that expect either', () => {
      expect(model.overrides.length).toBeGreaterThanOrEqual(1);
      for (const o of model.overrides) {
        expect(o.online, `override ${o.id}`).toBeDefined();
        expect(o.portal, `override ${o.id}`).toBeDefined();
        expect(o.online! < '2026-11-01').toBe(true);
        expect(model.organization!.offlineControl).toContain(model.userById.get(o.by!)!.role);
        // Not on a portal with a coverage requirement: a switched-off portal would be a gap.
        expect(model.requirements.map((r) => r.portal)).not.toContain(o.portal);
      }
      expect(model.holidays?.expect).toBe('either');
      expect(model.portals.every((p) => p.holidays === undefined || p.holidays === 'either')).toBe(true);
      expect(model.holidays?.calendars).toEqual(['US', 'US-IL']);
    });
  });
});

describe('examples/mistakes', () => {
  const readme = readFileSync(join(ROOT, MISTAKES, 'README.md'), 'utf8');

  it('produces at least eight different rule findings and exits 1', async () => {
    const run = await cli(['check', MISTAKES, '--format', 'json'], ROOT);
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: Finding[] };
    expect(new Set(findings.map((f) => f.rule)).size).toBeGreaterThanOrEqual(8);
    // Same through the library, whose findings also carry the safe fixes that --fix applies (SPEC §5.7).
    const result = check(load([MISTAKES], { cwd: ROOT }), { now: '2026-01-05T12:00' });
    expect(result.findings.map(({ fix: _fix, ...f }) => f)).toEqual(findings);
  });

  describe('README.md walkthrough', () => {
    // Each walkthrough entry is: a `### n. title` heading, then "`file:line:col` · `rule` (severity)",
    // then the message quoted on a line starting with "> ".
    const entries = [...readme.matchAll(/^`([^`\s]+):(\d+):(\d+)` · `([a-z-]+)` \((error|warn)\)\n\n> (.*)$/gm)].map((m) => ({
      file: m[1]!,
      line: Number(m[2]),
      column: Number(m[3]),
      rule: m[4]!,
      severity: m[5]!,
      message: m[6]!,
    }));
    const key = (f: { file: string; line: number; column: number; rule: string }) => `${f.file}:${f.line}:${f.column} ${f.rule}`;
    const findings = () => check(load([MISTAKES], { cwd: ROOT })).findings;

    it('walks through at least eight different rules', () => {
      expect(new Set(entries.map((e) => e.rule)).size).toBeGreaterThanOrEqual(8);
      expect(entries.length).toBe([...readme.matchAll(/^### \d+\. /gm)].length);
    });

    it('mentions only file:line + rule pairs that the tool reports', () => {
      const actual = new Set(findings().map(key));
      for (const e of entries) expect(actual, key(e)).toContain(key(e));
    });

    it('explains every finding, in order, with the exact message and severity', () => {
      expect(entries.map((e) => `${key(e)} (${e.severity}) ${e.message}`)).toEqual(
        findings().map((f) => `${key(f)} (${f.severity}) ${f.message}`),
      );
    });

    it('cites only real locations anywhere on the page', () => {
      const known = new Set(findings().flatMap((f) => [f, ...(f.related ?? [])].map((l) => `${l.file}:${l.line}:${l.column}`)));
      for (const m of readme.matchAll(/examples\/mistakes\/[\w/.-]+\.ya?ml:\d+:\d+/g)) expect(known, m[0]).toContain(m[0]);
    });

    it('shows the exact output and exit code of the command', async () => {
      const block = /```console\n\$ npx shiftready check examples\/mistakes\n([\s\S]*?)\n\$ echo \$\?\n(\d+)\n```/.exec(readme);
      expect(block).not.toBeNull();
      const run = await cli(['check', MISTAKES], ROOT);
      expect(block![1]).toBe(run.stdout.trimEnd());
      expect(Number(block![2])).toBe(run.code);
      expect(run.code).toBe(1);
    });
  });
});
