/**
 * `suggest` (SPEC §5.7): the staffing gaps of a week and their candidates, worked out by hand.
 *
 * America/Chicago, week of Monday 2027-03-08 00:00 CST (06:00Z) to Monday 2027-03-15 00:00 CDT
 * (05:00Z): clocks go forward on Sunday 2027-03-14 at 02:00 (CST UTC-6 → CDT UTC-5), so the week
 * is 167 h and every hour below is elapsed time.
 *
 * One SMS portal `text` (program `text-program`). Users:
 * - ph   placeholder (text-program, sms)
 * - ana  text-program, sms; on `weekday` Mon-Fri 09:00-17:00 CST (15:00Z-23:00Z): 5 × 8 h = 40 h
 * - ben  text-program, sms; away all of Sunday 2027-03-14; on no shift: 0 h
 * - cal  text-program, chat only (no SMS permission): never a candidate
 * - dee  text-program, sms; on `sat-late` Sat 2027-03-13 22:00 CST (04:00Z on the 14th) to
 *        "02:00" on the 14th, which does not exist: read as 02:00 CST = 08:00Z (SPEC §3.1), 4 h
 * - eve  text-program, sms; on no shift: 0 h
 * - fay  sms permission but not in text-program: never a candidate
 * - gus  text-program, sms; on `sunday-night`, which needs minStaff 2 and so is never staffed:
 *        gus counts on it (SPEC §3.2) but it is not staffed, so 0 h counted
 *
 * Gaps, sorted by portal and start:
 * 1. placeholder-only, `sat-day` Sat 2027-03-13 10:00-14:00 CST = 16:00Z-20:00Z (only ph counts).
 *    Candidates: ben 0 (not away on the 13th), eve 0, gus 0 (his shift is on the 14th), dee 4
 *    (sat-late starts at 22:00), ana 40 — fewest hours, then id.
 * 2. unstaffed, `sunday-night` Sun 2027-03-14 00:00 CST (06:00Z) to 06:00 CDT (11:00Z): 5 h
 *    across the change. ben is away, dee counts on sat-late until 08:00Z (overlap), gus already
 *    counts on this occurrence. Candidates: eve 0, ana 40.
 * 3. coverage-gap, no shift: requirement `sunday-noon` Sun 2027-03-14 12:00-14:00 CDT =
 *    17:00Z-19:00Z, nothing serves `text` then: shift null; candidates are the users eligible for
 *    text-program/sms who are free and not away: eve 0, gus 0, dee 4, ana 40 (ben away).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';

export const SUGGEST_CONFIG = `shiftready: 1
organization:
  id: org
  name: Test Line
  timezone: America/Chicago
  offlineMessages:
    sms: "Closed."
programs:
  - id: text-program
portals:
  - id: text
    type: sms
    program: text-program
users:
  - { id: ph, placeholder: true, programs: [text-program], canReceive: [sms] }
  - { id: ana, name: Ana Ruiz, programs: [text-program], canReceive: [sms] }
  - id: ben
    programs: [text-program]
    canReceive: [sms]
    away: [2027-03-14]
  - { id: cal, programs: [text-program], canReceive: [chat] }
  - { id: dee, programs: [text-program], canReceive: [sms] }
  - { id: eve, programs: [text-program], canReceive: [sms] }
  - { id: fay, programs: [], canReceive: [sms] }
  - { id: gus, programs: [text-program], canReceive: [sms] }
shifts:
  - id: weekday
    program: text-program
    messaging: sms
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2027-03-01
    staff: [ana]
  - { id: sat-day, program: text-program, messaging: sms, date: 2027-03-13, start: "10:00", end: "14:00", staff: [ph] }
  - { id: sat-late, program: text-program, messaging: sms, date: 2027-03-13, start: "22:00", end: "02:00", staff: [dee] }
  - { id: sunday-night, program: text-program, messaging: sms, date: 2027-03-14, start: "00:00", end: "06:00", minStaff: 2, staff: [gus] }
requirements:
  - { id: sunday-noon, portal: text, date: 2027-03-14, start: "12:00", end: "14:00" }
`;

const PERIOD = ['--from', '2027-03-08', '--to', '2027-03-15', '--now', '2027-03-08T00:00'];

async function run(format: string, config = SUGGEST_CONFIG): Promise<{ code: number; stdout: string; stderr: string }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'org.yaml'), config);
  return cli(['suggest', 'org.yaml', ...PERIOD, '--format', format], dir);
}

describe('suggest', () => {
  it('JSON: every gap with its candidates, exactly the shape of SPEC §5.7', async () => {
    const { code, stdout } = await run('json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      period: { from: '2027-03-08T06:00:00Z', to: '2027-03-15T05:00:00Z' },
      gaps: [
        {
          kind: 'placeholder-only',
          portal: 'text',
          shift: 'sat-day',
          start: '2027-03-13T16:00:00Z',
          end: '2027-03-13T20:00:00Z',
          candidates: [
            { user: 'ben', hours: 0 },
            { user: 'eve', hours: 0 },
            { user: 'gus', hours: 0 },
            { user: 'dee', hours: 4 },
            { user: 'ana', hours: 40 },
          ],
        },
        {
          kind: 'unstaffed',
          portal: 'text',
          shift: 'sunday-night',
          start: '2027-03-14T06:00:00Z',
          end: '2027-03-14T11:00:00Z',
          candidates: [
            { user: 'eve', hours: 0 },
            { user: 'ana', hours: 40 },
          ],
        },
        {
          kind: 'coverage-gap',
          portal: 'text',
          shift: null,
          start: '2027-03-14T17:00:00Z',
          end: '2027-03-14T19:00:00Z',
          candidates: [
            { user: 'eve', hours: 0 },
            { user: 'gus', hours: 0 },
            { user: 'dee', hours: 4 },
            { user: 'ana', hours: 40 },
          ],
        },
      ],
    });
  });

  it('text: each gap in local time, its candidates with hours and why they qualify', async () => {
    const { code, stdout } = await run('text');
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'Staffing gaps and who could fill them — Test Line',
        'Period: 2027-03-08 00:00 (UTC-6) to 2027-03-15 00:00 (UTC-5)',
        '',
        'text  2027-03-13 10:00 to 14:00  placeholder-only: shift sat-day has only placeholders (nobody answers)',
        '  candidates, fewest hours first (assigned to text-program, can receive SMS, not away, free then):',
        '    ben      0.00 h',
        '    eve      0.00 h',
        '    gus      0.00 h',
        '    dee      4.00 h',
        '    ana     40.00 h  Ana Ruiz',
        '',
        'text  2027-03-14 00:00 to 06:00  unstaffed: shift sunday-night is not staffed',
        '  candidates, fewest hours first (assigned to text-program, can receive SMS, not away, free then):',
        '    eve      0.00 h',
        '    ana     40.00 h  Ana Ruiz',
        '',
        'text  2027-03-14 12:00 to 14:00  coverage-gap: requirement sunday-noon is not met; no shift covers this time: a new shift is needed',
        '  candidates, fewest hours first (assigned to text-program, can receive SMS, not away, free then):',
        '    eve      0.00 h',
        '    gus      0.00 h',
        '    dee      4.00 h',
        '    ana     40.00 h  Ana Ruiz',
        '',
      ].join('\n'),
    );
  });

  it('markdown: ready to paste, names escaped', async () => {
    const { code, stdout } = await run('markdown', SUGGEST_CONFIG.replace('name: Ana Ruiz', 'name: "*Ana* <b>"'));
    expect(code).toBe(0);
    expect(stdout).toContain('## Shifts that need people — Test Line\n');
    expect(stdout).toContain('### text: 2027-03-14 00:00 to 06:00\n\nunstaffed: shift `sunday-night` is not staffed.\n');
    expect(stdout).toContain('- `eve` — 0.00 h in the period\n- `ana` (\\*Ana\\* \\<b\\>) — 40.00 h in the period\n');
  });

  it('says why nobody qualifies', async () => {
    // Only eve and ana were free for sunday-night; with both away that day, nobody is.
    const config = SUGGEST_CONFIG.replace(
      '{ id: eve, programs: [text-program], canReceive: [sms] }',
      '{ id: eve, programs: [text-program], canReceive: [sms], away: [2027-03-14] }',
    ).replace(
      '{ id: ana, name: Ana Ruiz, programs: [text-program], canReceive: [sms] }',
      '{ id: ana, name: Ana Ruiz, programs: [text-program], canReceive: [sms], away: [2027-03-14] }',
    );
    const { stdout } = await run('text', config);
    // Of the six (ana, ben, dee, eve, gus; cal cannot receive SMS, fay is not in the program —
    // five), ana, ben, eve are away, gus is on the shift, dee is on sat-late until 08:00Z.
    expect(stdout).toContain(
      'text  2027-03-14 00:00 to 06:00  unstaffed: shift sunday-night is not staffed\n  nobody is free: of the 5 users assigned to text-program who can receive SMS, 3 away, 1 already on this shift and 1 on another shift then\n',
    );
  });

  it('refuses a configuration with errors, as report does (exit 1, findings on stderr)', async () => {
    const { code, stdout, stderr } = await run('json', SUGGEST_CONFIG.replace('staff: [dee]', 'staff: [fay]'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('staff-not-in-program');
  });
});
