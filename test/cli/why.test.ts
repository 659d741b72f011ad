/**
 * The commands people use to ask *why* (SPEC §5, 1.1): `status` and `explain` answer despite
 * non-structural errors (one stderr line says how many were set aside), the other commands name
 * `--rule ID=warn` when they refuse, a local `--at` in a clock change says which instant it used,
 * and `explain` lists every step that is needed ("all of:"), switches included.
 *
 * BASE (test/helpers.ts) in America/Chicago; in January local = UTC-6.
 */
import { describe, expect, it } from 'vitest';
import { BASE, cli, tempDir } from '../helpers.js';

/** A weekday chat shift with ana and ben (ben's chat permission is taken away by `NO_CHAT`). */
const SHIFT = `shifts:
  - id: s1
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [ana, ben]
`;
const NO_CHAT = (text: string) =>
  text.replace('    programs: [chat-program]\n    canReceive: [chat]\n', '    programs: [chat-program]\n    canReceive: [sms]\n');
const dir = (text: string) => tempDir({ 'org.yaml': text });
const SET_ASIDE_ONE =
  'shiftready: 1 configuration error was set aside to answer (the users they concern do not count); run `shiftready check` to see it\n';

describe('status and explain answer despite non-structural errors (SPEC §5, 1.1)', () => {
  // ben cannot receive chat: staff-lacks-permission (an error, not structural), and user-without-access
  // stays silent about it (the root is the shift finding).
  const broken = dir(NO_CHAT(`${BASE}${SHIFT}`));

  it('status: the answer on stdout, exit 0, and one line on stderr', async () => {
    const run = await cli(['status', '--at', '2026-01-05T10:00', '--format', 'json'], broken);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(SET_ASIDE_ONE);
    const web = JSON.parse(run.stdout).portals.find((p: { id: string }) => p.id === 'web');
    expect([web.online, web.staff]).toEqual([true, ['ana']]);
  });

  it('explain: says why ben does not count', async () => {
    const run = await cli(['explain', '--portal', 'web', '--at', '2026-01-05T10:00'], broken);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(SET_ASIDE_ONE);
    expect(run.stdout).toContain('    ✗ ben does not count: cannot receive chat (Instant Messages)\n');
    expect(run.stdout).toContain('staffed — 1 of the registered users counts, 1 needed (minStaff)');
  });

  it('structural errors still stop them, with no way around it offered', async () => {
    const run = await cli(['status', '--at', '2026-01-05T10:00'], dir(`${BASE}${SHIFT.replace('[ana, ben]', '[ana, bob]')}`));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('unknown-reference');
    expect(run.stderr).not.toContain('--rule');
  });

  it('compile, report, holidays and diff refuse, naming --rule ID=warn', async () => {
    for (const args of [['compile'], ['report'], ['holidays', '--year', '2026']]) {
      const run = await cli([...args, '--now', '2026-01-05T00:00'], broken);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toContain('\nTo run anyway, treat them as warnings: --rule staff-lacks-permission=warn\n');
      const anyway = await cli([...args, '--now', '2026-01-05T00:00', '--rule', 'staff-lacks-permission=warn'], broken);
      expect(anyway.code, anyway.stderr).toBe(0);
    }
  });
});

describe('--at in a clock change says which instant it used (SPEC §3.1, §5, 1.1)', () => {
  const cwd = dir(`${BASE}${SHIFT}`);

  it('a time that does not exist (spring forward): read with the offset before the gap', async () => {
    // Chicago 2026-03-08 02:30 does not exist; SPEC §3.1 reads it as 03:30 CDT = 08:30Z.
    const run = await cli(['status', '--at', '2026-03-08T02:30'], cwd);
    expect(run.stdout).toContain(
      'Note: 2026-03-08 02:30 does not exist in America/Chicago (the clocks move forward); it was read as 2026-03-08 03:30 (UTC-5) = 2026-03-08T08:30:00Z.\n',
    );
    const explain = await cli(['explain', '--portal', 'web', '--at', '2026-03-08T02:30'], cwd);
    expect(explain.stdout).toContain('it was read as 2026-03-08 03:30 (UTC-5) = 2026-03-08T08:30:00Z.');
  });

  it('a time that happens twice (fall back): the first, and how to ask for the second', async () => {
    // Chicago 2026-11-01 01:30 happens at 06:30Z (CDT) and 07:30Z (CST).
    const run = await cli(['status', '--at', '2026-11-01T01:30'], cwd);
    expect(run.stdout).toContain(
      'Note: 2026-11-01 01:30 happens twice in America/Chicago (the clocks move back); it was read as the first, 2026-11-01 01:30 (UTC-5) = 2026-11-01T06:30:00Z; for the second write 2026-11-01T01:30-06:00.\n',
    );
    const second = await cli(['status', '--at', '2026-11-01T01:30-06:00', '--format', 'json'], cwd);
    expect(JSON.parse(second.stdout).at).toBe('2026-11-01T07:30:00Z');
  });

  it('an ordinary time gets no note', async () => {
    expect((await cli(['status', '--at', '2026-03-09T02:30'], cwd)).stdout).not.toContain('Note:');
  });
});

describe('explain: every needed step (SPEC §4, 1.1)', () => {
  it('unstaffed while the portal switch is off: all of — staff the shift, and set the switch back online', async () => {
    // Tue 2026-01-06: ben (the only one left) is away all day, and web's own switch is off from
    // 10:00 with no `online`. At 12:00 the shift covers the time but nobody counts → unstaffed;
    // the switch would keep it offline even if someone did.
    const text = `${BASE.replace('    canReceive: [chat]\n', '    canReceive: [chat]\n    away: [2026-01-06]\n')}${SHIFT.replace('[ana, ben]', '[ben]')}overrides:
  - id: outage
    portal: web
    offline: 2026-01-05T10:00
    by: ana
`;
    const run = await cli(['explain', '--portal', 'web', '--at', '2026-01-06T12:00', '--now', '2026-01-05T00:00'], dir(text));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      [
        'What would bring it online — all of:',
        '  - Shift s1 needs 1 more counting user (minStaff 1, 0 count now): register another user who is assigned to chat-program, can receive chat and is not away then.',
        '  - Set the portal switch back online: give override outage an `online:` time (it has none).',
        '',
      ].join('\n'),
    );
  });

  it('one of: the users who could be made to count are alternatives', async () => {
    // ben cannot receive chat; ana is away on Tuesday → unstaffed; any one fix is enough.
    const text = NO_CHAT(`${BASE.replace('    mobileAlerts: true\n', '    mobileAlerts: true\n    away: [2026-01-06]\n')}${SHIFT}`);
    const run = await cli(['explain', '--portal', 'web', '--at', '2026-01-06T12:00', '--rule', 'staff-lacks-permission=warn'], dir(text));
    expect(run.stdout).toContain(
      [
        'What would bring it online:',
        '  - Shift s1 needs 1 more counting user (minStaff 1, 0 count now) — one of:',
        '      - let ben receive chat (Instant Messages)',
        '      - register another user who is assigned to chat-program, can receive chat and is not away then',
        '',
      ].join('\n'),
    );
  });
});

describe('status while switched off during a shift (SPEC §3.2, 1.1)', () => {
  it("lists who is on shift and says, in the article's words, what happens to conversations", async () => {
    const text = `${BASE}${SHIFT}overrides:\n  - id: lunch\n    portal: web\n    offline: 2026-01-06T12:00\n    online: 2026-01-06T13:00\n    by: ana\n`;
    const run = await cli(['status', '--at', '2026-01-06T12:30'], dir(text));
    expect(run.stdout).toContain(
      '  ○ web   chat  offline until 13:00 (then online): switched off by ana (override lunch, portal switch)\n',
    );
    expect(run.stdout).toContain('      during shifts s1; staff: ana, ben\n');
    expect(run.stdout).toContain(
      '      conversations in progress continue and queued chat visitors stay queued with the people on shift; new chat visitors are turned away\n',
    );
  });
});

describe('onlineBy and words (SPEC §3.2, §5, 1.1)', () => {
  it('the status log names onlineBy for the online action, and `by` for the offline one', async () => {
    // BASE has two portals, so there is a log. ben is made an admin to be allowed to.
    const text = `${BASE.replace('    role: basic\n', '    role: admin\n')}${SHIFT}overrides:\n  - id: lunch\n    portal: web\n    offline: 2026-01-06T12:00\n    online: 2026-01-06T13:00\n    by: ana\n    onlineBy: ben\n`;
    const run = await cli(['status', '--at', '2026-01-06T14:00', '--format', 'json'], dir(text));
    expect(run.stderr).toBe('');
    const web = JSON.parse(run.stdout).portals.find((p: { id: string }) => p.id === 'web');
    expect(web.log).toEqual([
      { action: 'online', at: '2026-01-06T19:00:00Z', by: 'ben', scope: 'portal', override: 'lunch' },
      { action: 'offline', at: '2026-01-06T18:00:00Z', by: 'ana', scope: 'portal', override: 'lunch' },
    ]);
  });

  it('explain says "an SMS/Text portal"', async () => {
    const run = await cli(['explain', '--portal', 'text', '--at', '2026-01-06T14:00'], dir(`${BASE}${SHIFT}`));
    expect(run.stdout.split('\n')[0]).toBe('Portal text, an SMS/Text portal for program sms-program');
  });
});
