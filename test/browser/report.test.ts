/**
 * The HTML coverage report in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core). Run with `npm run test:browser`; `npm test` never starts a browser.
 *
 * The pages are made by the built CLI (`dist/shiftready.mjs`, what users run) and compared with
 * that CLI's own JSON outputs (`compile --format json`, `report --format json`) for the same
 * period, and with facts of the fixture worked out by hand.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'dist/shiftready.mjs');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

interface JsonInterval {
  start: string;
  end: string;
  state: 'online' | 'offline';
  reason?: string;
  shifts?: string[];
  staff?: string[];
}
interface Case {
  name: string;
  config: string;
  from: string;
  to: string;
}

function run(args: string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
}

/** `report --format json` (SPEC §5.4), as far as these tests read it. */
interface JsonReport {
  portals: {
    id: string;
    onlineHours: number;
    humanHours: number;
    placeholderOnlyHours: number;
    alertHours: number;
    coverage: number;
    gaps: unknown[];
  }[];
  users: { id: string; hours: number }[];
}

/** The page and the JSON of one configuration and period. */
function render(c: Case): { file: string; timeline: { portals: { id: string; intervals: JsonInterval[] }[] }; report: JsonReport } {
  const file = join(ARTIFACTS, `${c.name}.html`);
  const period = ['--from', c.from, '--to', c.to];
  run(['report', c.config, ...period, '--format', 'html', '--out', file]);
  return {
    file,
    timeline: JSON.parse(run(['compile', c.config, ...period, '--format', 'json'])),
    report: JSON.parse(run(['report', c.config, ...period, '--format', 'json'])),
  };
}

const FIXTURE: Case = { name: 'report-fixture', config: 'test/fixtures/html-report', from: '2026-12-21', to: '2027-01-04' };
// America/Chicago springs forward on Sunday 2027-03-14 (a 23-hour day) and falls back on Sunday
// 2027-11-07 (a 25-hour day).
const SPRING: Case = { name: 'report-crisis-line-spring', config: 'examples/crisis-line', from: '2027-03-08', to: '2027-03-22' };
const FALL: Case = { name: 'report-crisis-line-fall', config: 'examples/crisis-line', from: '2027-11-01', to: '2027-11-15' };

let browser: Browser;

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error('dist/shiftready.mjs is missing: run `npm run build` first (npm run test:browser does)');
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a page from disk, recording page errors, console errors and every request. */
async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, requests };
}

describe.each([FIXTURE, SPRING, FALL])('the HTML report of $config', (c) => {
  let page: Page;
  let errors: string[];
  let requests: string[];
  let data: ReturnType<typeof render>;

  beforeAll(async () => {
    data = render(c);
    ({ page, errors, requests } = await open(data.file));
  });

  afterAll(async () => {
    await page?.close();
  });

  it('loads from disk with no page errors and no requests but itself', async () => {
    await page.waitForTimeout(200);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(data.file).href]);
  });

  it('draws every portal of the timeline, each with a visible chart', async () => {
    const drawn = await page.$$eval('figure.portal', (figs) =>
      figs.map((f) => {
        const svg = f.querySelector('svg.timeline')!.getBoundingClientRect();
        return { id: f.getAttribute('data-portal'), width: svg.width, height: svg.height };
      }),
    );
    expect(drawn.map((d) => d.id)).toEqual(data.timeline.portals.map((p) => p.id));
    for (const d of drawn) {
      expect(d.width).toBeGreaterThan(500);
      expect(d.height).toBeGreaterThan(100);
    }
  });

  it('draws exactly the intervals of `compile --format json`, in order', async () => {
    for (const portal of data.timeline.portals) {
      const drawn = await page.$$eval(`figure.portal[data-portal="${portal.id}"] g.interval`, (gs) =>
        gs.map((g) => ({ start: g.getAttribute('data-start'), end: g.getAttribute('data-end'), rects: g.querySelectorAll('rect').length })),
      );
      expect(drawn.length).toBe(portal.intervals.length);
      expect(drawn.map((d) => [d.start, d.end])).toEqual(portal.intervals.map((i) => [i.start, i.end]));
      for (const d of drawn) expect(d.rects).toBeGreaterThan(0);
    }
  });

  it('fills each day row exactly once, 00:00 to 24:00, clock changes included', async () => {
    // Per row, the interval rects of each half of the row (a full-height rect counts for both)
    // and the hatched skipped hours must tile the 720 px of the day with no gap or overlap.
    const rows = await page.$$eval('figure.portal', (figs) =>
      figs.map((f) => {
        const top = 22;
        const rowHeight = 16;
        const byRow = new Map<number, { upper: [number, number][]; lower: [number, number][] }>();
        const add = (r: SVGRectElement, halves: ('upper' | 'lower')[]) => {
          const row = Math.floor((Number(r.getAttribute('y')) - top) / rowHeight);
          if (!byRow.has(row)) byRow.set(row, { upper: [], lower: [] });
          const x = Number(r.getAttribute('x'));
          for (const half of halves) byRow.get(row)![half].push([x, x + Number(r.getAttribute('width'))]);
        };
        f.querySelectorAll<SVGRectElement>('g.interval rect').forEach((r) => {
          const dy = (Number(r.getAttribute('y')) - top) % rowHeight;
          const h = Number(r.getAttribute('height'));
          add(r, h === rowHeight - 2 ? ['upper', 'lower'] : dy === 0 ? ['upper'] : ['lower']);
        });
        f.querySelectorAll<SVGRectElement>('rect.clock-gap').forEach((r) => add(r, ['upper', 'lower']));
        return [...byRow.values()];
      }),
    );
    const days = Math.round((Date.parse(`${c.to}T00:00:00Z`) - Date.parse(`${c.from}T00:00:00Z`)) / 86_400_000);
    for (const portalRows of rows) {
      expect(portalRows.length).toBe(days);
      for (const row of portalRows) {
        for (const spans of [row.upper, row.lower]) {
          spans.sort((a, b) => a[0] - b[0]);
          expect(spans[0]![0]).toBeCloseTo(132, 1);
          for (let k = 1; k < spans.length; k++) expect(Math.abs(spans[k]![0] - spans[k - 1]![1])).toBeLessThan(0.8);
          expect(Math.abs(spans.at(-1)![1] - (132 + 720))).toBeLessThan(0.8);
        }
      }
    }
  });

  it('shows the same numbers as `report --format json`', async () => {
    const rows = await page.$$eval('#totals tr[data-portal]', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-portal'),
        onlineHours: Number(tr.getAttribute('data-online-hours')),
        humanHours: Number(tr.getAttribute('data-human-hours')),
        placeholderOnlyHours: Number(tr.getAttribute('data-placeholder-only-hours')),
        alertHours: Number(tr.getAttribute('data-alert-hours')),
        coverage: Number(tr.getAttribute('data-coverage')),
        gaps: Number(tr.getAttribute('data-gaps')),
        cells: [...tr.querySelectorAll('td')].map((td) => td.textContent),
      })),
    );
    expect(rows.map(({ cells: _cells, ...r }) => r)).toEqual(
      data.report.portals.map((p) => ({
        id: p.id,
        onlineHours: p.onlineHours,
        humanHours: p.humanHours,
        placeholderOnlyHours: p.placeholderOnlyHours,
        alertHours: p.alertHours,
        coverage: p.coverage,
        gaps: p.gaps.length,
      })),
    );
    // What a person reads is the same numbers.
    for (const [k, p] of data.report.portals.entries()) {
      expect(rows[k]!.cells).toEqual([
        p.id,
        `${p.onlineHours.toFixed(2)} h`,
        `${p.humanHours.toFixed(2)} h`,
        `${p.placeholderOnlyHours.toFixed(2)} h`,
        `${p.alertHours.toFixed(2)} h`,
        `${(p.coverage * 100).toFixed(1)}%`,
        String(p.gaps.length),
      ]);
    }
    const users = await page.$$eval('#users tr[data-user]', (trs) =>
      trs.map((tr) => ({ id: tr.getAttribute('data-user'), hours: Number(tr.getAttribute('data-hours')) })),
    );
    expect(users).toEqual(data.report.users);
    const gapRows = await page.$$eval('#gaps tbody tr', (trs) => trs.length);
    expect(gapRows).toBe(data.report.portals.reduce((n, p) => n + p.gaps.length, 0));
  });

  it('has a legend, a text alternative for every chart, and a print stylesheet', async () => {
    expect(await page.$$eval('.legend li', (lis) => lis.length)).toBe(7);
    const labels = await page.$$eval('svg.timeline', (svgs) =>
      svgs.map((svg) =>
        svg
          .getAttribute('aria-labelledby')!
          .split(' ')
          .map((id) => document.getElementById(id)?.textContent ?? null),
      ),
    );
    for (const parts of labels) {
      expect(parts.every((t) => t && t.length > 0)).toBe(true);
      expect(parts[1]).toMatch(/online \d+\.\d\d h of the period/);
    }
    // Each heat map has its numbers as a table too.
    expect(await page.$$eval('figure.heat-map', (fs) => fs.map((f) => f.querySelectorAll('details table td.num').length))).toEqual(
      data.timeline.portals.map(() => 7 * 24),
    );
    await page.emulateMedia({ media: 'print' });
    const print = await page.evaluate(() => ({
      details: getComputedStyle(document.getElementById('details')!).display,
      nav: getComputedStyle(document.querySelector('nav')!).display,
      tables: [...document.querySelectorAll('figure.portal details table')].map((t) => getComputedStyle(t).display),
    }));
    expect(print.details).toBe('none');
    expect(print.nav).toBe('none');
    expect(print.tables.every((d) => d === 'table')).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });

  it('is reachable by keyboard: Tab to a chart, arrows move between intervals and show details', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let focused = '';
    for (let k = 0; k < 40 && focused !== 'interval'; k++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement?.classList.contains('interval') ? 'interval' : (document.activeElement?.tagName ?? ''),
      );
    }
    expect(focused).toBe('interval');
    const first = data.timeline.portals[0]!;
    const state = () =>
      page.evaluate(() => ({
        start: document.activeElement?.getAttribute('data-start'),
        portal: document.activeElement?.closest('figure')?.getAttribute('data-portal'),
        panel: document.getElementById('details')!.hidden ? null : document.getElementById('details')!.textContent,
      }));
    let s = await state();
    expect(s.portal).toBe(first.id);
    expect(s.start).toBe(first.intervals[0]!.start);
    expect(s.panel).toContain(first.id);
    await page.keyboard.press('ArrowRight');
    s = await state();
    expect(s.start).toBe(first.intervals[1]!.start);
    expect(s.panel).toContain(first.intervals[1]!.state === 'online' ? 'Online' : 'Offline');
    await page.keyboard.press('End');
    expect((await state()).start).toBe(first.intervals.at(-1)!.start);
    await page.keyboard.press('Escape');
    expect((await state()).panel).toBeNull();
  });

  it('saves a screenshot and a PDF as test artifacts', async () => {
    await page.hover(`figure.portal[data-portal="${data.timeline.portals.at(-1)!.id}"] g.interval >> nth=2`);
    const png = join(ARTIFACTS, `${c.name}.png`);
    await page.screenshot({ path: png, fullPage: true });
    expect(statSync(png).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'print' });
    const pdf = join(ARTIFACTS, `${c.name}.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('details of the fixture, worked out by hand', () => {
  let page: Page;

  beforeAll(async () => {
    const file = join(ARTIFACTS, `${FIXTURE.name}.html`);
    if (!existsSync(file)) render(FIXTURE);
    ({ page } = await open(file));
  });

  afterAll(async () => {
    await page?.close();
  });

  const details = () => page.evaluate(() => [...document.querySelectorAll('#details p')].map((p) => p.textContent));

  it('hovering an online interval shows its local times, shifts, staff and who answers', async () => {
    // Mon 2026-12-21 09:00-17:00 New York (14:00-22:00Z): web-day, staffed by ana and the placeholder.
    await page.hover('figure.portal[data-portal="web"] g.interval[data-start="2026-12-21T14:00:00Z"]');
    expect(await details()).toEqual([
      'web',
      'Online, with humans',
      'Mon 2026-12-21 09:00 – 17:00 (8 h)',
      'Shifts: web-day',
      'Staff: ana, fake',
      'Humans: ana',
      'Alerted: ana',
    ]);
  });

  it('hovering a placeholder-only interval says nobody answers', async () => {
    // 17:00-21:00 New York the same day: web-evening, the placeholder only.
    await page.hover('figure.portal[data-portal="web"] g.interval[data-start="2026-12-21T22:00:00Z"]');
    const d = await details();
    expect(d[1]).toBe('Online with placeholders only: nobody answers, nobody is alerted');
    expect(d.slice(2)).toEqual([
      'Mon 2026-12-21 17:00 – 21:00 (4 h)',
      'Shifts: web-evening',
      'Staff: fake',
      'Humans: none',
      'Alerted: nobody',
    ]);
    expect(await page.getAttribute('figure.portal[data-portal="web"] g.interval[data-start="2026-12-21T22:00:00Z"]', 'data-kind')).toBe(
      'on-placeholder',
    );
  });

  it('hovering a switched-off interval names the override and who switched it', async () => {
    // The fire drill, Wed 2026-12-23 10:00-12:00 New York, by ana.
    await page.hover('figure.portal[data-portal="web"] g.interval[data-start="2026-12-23T15:00:00Z"]');
    expect(await details()).toEqual([
      'web',
      'Offline: switched off by ana',
      'Wed 2026-12-23 10:00 – 12:00 (2 h)',
      'Override: drill (portal switch): Fire drill',
    ]);
  });

  it('the details panel goes when the pointer leaves the intervals', async () => {
    await page.hover('figure.portal[data-portal="web"] g.interval[data-start="2026-12-21T14:00:00Z"]');
    expect(await page.isVisible('#details')).toBe(true);
    await page.hover('h1');
    expect(await page.isVisible('#details')).toBe(false);
    expect(await page.$$eval('.interval.active', (gs) => gs.length)).toBe(0);
  });

  it('an unstaffed weekend shift is drawn as unstaffed', async () => {
    // Sat 2026-12-26 10:00-16:00: web-weekend needs 2 staff and has only ben.
    const g = 'figure.portal[data-portal="web"] g.interval[data-start="2026-12-26T15:00:00Z"]';
    expect(await page.getAttribute(g, 'data-kind')).toBe('off-unstaffed');
    expect(await page.getAttribute(g, 'data-end')).toBe('2026-12-26T21:00:00Z');
  });

  it('marks the holidays on their dates', async () => {
    const marked = await page.$$eval('figure.portal[data-portal="web"] text.holiday-label', (ts) => ts.map((t) => t.textContent));
    // Christmas Eve (the config's own date), Christmas Day and New Year's Day (US calendar).
    expect(marked).toEqual(['★ Thu 2026-12-24', '★ Fri 2026-12-25', '★ Fri 2027-01-01']);
  });

  it("gives each holiday's verdict per portal", async () => {
    const rows = await page.$$eval('#holidays tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    // text is expected closed but its 08:00-20:00 daily shift runs (12 h); web is expected
    // covered, but 17:00-21:00 has only the placeholder (4 h without a human).
    const text = (date: string, name: string) => [date, name, 'text', 'closed', '12.00 h', '12.00 h', '0.00 h', 'open on a closed day'];
    const web = (date: string, name: string) => [date, name, 'web', 'covered', '12.00 h', '8.00 h', '4.00 h', 'not covered'];
    expect(rows).toEqual([
      text('2026-12-24', 'Christmas Eve (organization)'),
      web('2026-12-24', 'Christmas Eve (organization)'),
      text('2026-12-25', 'Christmas Day (US)'),
      web('2026-12-25', 'Christmas Day (US)'),
      text('2027-01-01', "New Year's Day (US)"),
      web('2027-01-01', "New Year's Day (US)"),
    ]);
  });

  it('lists the findings of check, with their locations', async () => {
    const rules = await page.$$eval('#findings tbody tr', (trs) => trs.map((tr) => tr.children[2]!.textContent));
    expect(rules).toContain('placeholder-only');
  });

  it('escapes names as text', async () => {
    expect(await page.textContent('h1')).toBe('Coverage report — Harbor <Help> Line & Co');
    expect(await page.title()).toBe('Coverage report — Harbor <Help> Line & Co');
  });
});

describe('clock changes in the example (America/Chicago), worked out by hand', () => {
  let spring: Page;
  let fall: Page;

  beforeAll(async () => {
    for (const c of [SPRING, FALL]) if (!existsSync(join(ARTIFACTS, `${c.name}.html`))) render(c);
    spring = (await open(join(ARTIFACTS, `${SPRING.name}.html`))).page;
    fall = (await open(join(ARTIFACTS, `${FALL.name}.html`))).page;
  });

  afterAll(async () => {
    await spring?.close();
    await fall?.close();
  });

  const rectsOf = (page: Page, portal: string, start: string) =>
    page.$$eval(`figure.portal[data-portal="${portal}"] g.interval[data-start="${start}"] rect`, (rs) =>
      rs.map((r) => ['x', 'y', 'width', 'height'].map((a) => Number(r.getAttribute(a)))),
    );

  it('draws a shift at its wall-clock hours on the 23-hour day', async () => {
    // teen-weekend, 12:00-20:00 on Sun 2027-03-14, already CDT (UTC-5): 17:00Z to 01:00Z.
    // Row 6 (y = 22 + 6 * 16), x = 132 + 12 * 30, width 8 h * 30 px.
    expect(await rectsOf(spring, 'teen-chat', '2027-03-14T17:00:00Z')).toEqual([[492, 118, 240, 14]]);
  });

  it('hatches the hour that does not exist, 02:00 to 03:00', async () => {
    const gaps = await spring.$$eval('figure.portal[data-portal="teen-chat"] rect.clock-gap', (rs) =>
      rs.map((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('width')), r.textContent]),
    );
    expect(gaps).toEqual([[192, 30, 'Clocks go forward: 02:00 to 03:00 does not happen on this day']]);
  });

  it('draws the repeated hour twice on the 25-hour day, upper half then lower half', async () => {
    // Sun 2027-11-07: 01:00-02:00 happens at 06:00Z (CDT) and again at 07:00Z (CST). The teen
    // chat is offline all night: its no-shift interval from Sat 20:00 CDT (01:00Z) to Sun 12:00
    // CST (18:00Z) crosses midnight and both passes of the hour.
    const rects = await rectsOf(fall, 'teen-chat', '2027-11-07T01:00:00Z');
    // Sat row (y = 102): 20:00-24:00. Sun row (y = 118): 00:00-01:00 full, 01:00-02:00 upper
    // (the first pass), 01:00-02:00 lower (the second pass), 02:00-12:00 full.
    expect(rects).toEqual([
      [732, 102, 120, 14],
      [132, 118, 30, 14],
      [162, 118, 30, 7],
      [162, 125, 30, 7],
      [192, 118, 300, 14],
    ]);
  });
});
