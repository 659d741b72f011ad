/**
 * The HTML report of a long period (over six weeks) in headless Chromium: the summary per week or
 * month, and the day rows of a chosen row, drawn on demand by the page's script. Compared with
 * the built CLI's `compile --format json` and `report --format json` for the same period, with
 * day totals computed here from the JSON intervals (local days from luxon, not from shiftready's
 * own zone code), and with the page of a short period (drawn day by day on the server).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = join(ROOT, 'dist/shiftready.mjs');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ZONE = 'America/Chicago'; // examples/crisis-line
const HOUR = 3_600_000;

interface JsonInterval {
  start: string;
  end: string;
  state: 'online' | 'offline';
  humans?: string[];
}
interface Timeline {
  portals: { id: string; intervals: JsonInterval[] }[];
}
interface Report {
  portals: { id: string; onlineHours: number; humanHours: number; placeholderOnlyHours: number; coverage: number }[];
}

function run(args: string[]): string {
  return execFileSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
    maxBuffer: 1 << 30,
  });
}

function render(name: string, from: string, to: string): { file: string; timeline: Timeline; report: Report } {
  const file = join(ARTIFACTS, `${name}.html`);
  const period = ['--from', from, '--to', to];
  run(['report', 'examples/crisis-line', ...period, '--format', 'html', '--out', file]);
  return {
    file,
    timeline: JSON.parse(run(['compile', 'examples/crisis-line', ...period, '--format', 'json'])) as Timeline,
    report: JSON.parse(run(['report', 'examples/crisis-line', ...period, '--format', 'json'])) as Report,
  };
}

/** The local days of a period, with where each starts and ends (luxon). */
function localDays(from: string, to: string): { date: string; start: number; end: number }[] {
  const out = [];
  for (let d = DateTime.fromISO(from, { zone: ZONE }); d < DateTime.fromISO(to, { zone: ZONE }); d = d.plus({ days: 1 })) {
    out.push({ date: d.toISODate()!, start: d.toMillis(), end: d.plus({ days: 1 }).toMillis() });
  }
  return out;
}

const round = (ms: number) => Math.round((ms / HOUR) * 100) / 100;

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

async function open(file: string): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, errors, requests };
}

/** The day rows of a chosen row: per row, the spans of each half (as the short page's tiling test). */
function detailRows(page: Page, portal: string) {
  return page.$eval(`figure.summary[data-portal="${portal}"] .detail svg.timeline`, (svg) => {
    const top = 22;
    const rowHeight = 16;
    const byRow = new Map<number, { upper: [number, number][]; lower: [number, number][] }>();
    const add = (r: SVGRectElement, halves: ('upper' | 'lower')[]) => {
      const row = Math.floor((Number(r.getAttribute('y')) - top) / rowHeight);
      if (!byRow.has(row)) byRow.set(row, { upper: [], lower: [] });
      const x = Number(r.getAttribute('x'));
      for (const half of halves) byRow.get(row)![half].push([x, x + Number(r.getAttribute('width'))]);
    };
    svg.querySelectorAll<SVGRectElement>('g.interval rect').forEach((r) => {
      const dy = (Number(r.getAttribute('y')) - top) % rowHeight;
      const h = Number(r.getAttribute('height'));
      add(r, h === rowHeight - 2 ? ['upper', 'lower'] : dy === 0 ? ['upper'] : ['lower']);
    });
    svg.querySelectorAll<SVGRectElement>('rect.clock-gap').forEach((r) => add(r, ['upper', 'lower']));
    return [...byRow.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  });
}

function expectTiled(rows: { upper: [number, number][]; lower: [number, number][] }[], days: number) {
  expect(rows.length).toBe(days);
  for (const row of rows) {
    for (const spans of [row.upper, row.lower]) {
      spans.sort((a, b) => a[0] - b[0]);
      expect(spans[0]![0]).toBeCloseTo(132, 1);
      for (let k = 1; k < spans.length; k++) expect(Math.abs(spans[k]![0] - spans[k - 1]![1])).toBeLessThan(0.8);
      expect(Math.abs(spans.at(-1)![1] - (132 + 720))).toBeLessThan(0.8);
    }
  }
}

/** What a chart of day rows draws: its rects, clock gaps and day labels, and its intervals' words. */
function drawing(page: Page, chart: string, rows: number) {
  return page.$eval(
    chart,
    (svg, rows) => {
      const inRows = (r: Element) => Number(r.getAttribute('y')) < 22 + rows * 16;
      const rect = (r: Element) => ['x', 'y', 'width', 'height', 'fill'].map((a) => r.getAttribute(a)).join(' ');
      return {
        rects: [...svg.querySelectorAll('g.interval rect')].filter(inRows).map(rect).sort(),
        gaps: [...svg.querySelectorAll('rect.clock-gap')].filter(inRows).map((r) => `${rect(r)} ${r.textContent}`),
        labels: [...svg.querySelectorAll('text')].filter((t) => t.getAttribute('x') === '4' && inRows(t)).map((t) => t.outerHTML),
        labelTitles: [...svg.querySelectorAll('g:not(.interval) > title')].map((t) => t.textContent),
        intervals: Object.fromEntries(
          [...svg.querySelectorAll('g.interval')].map((g) => [
            `${g.getAttribute('data-start')} ${g.getAttribute('data-end')}`,
            ['data-kind', 'data-when', 'data-what', 'data-more', 'aria-label', 'role']
              .map((a) => g.getAttribute(a))
              .concat(g.querySelector('title')!.textContent),
          ]),
        ),
      };
    },
    rows,
  );
}

const YEAR = { name: 'report-crisis-line-year', from: '2027-01-01', to: '2028-01-01', rows: 53, unit: 'Week' };
const DECADE = { name: 'report-crisis-line-decade', from: '2027-01-01', to: '2037-01-01', rows: 120, unit: 'Month' };

describe.each([YEAR, DECADE])('the summary of $from to $to', (c) => {
  let page: Page;
  let errors: string[];
  let requests: string[];
  let data: ReturnType<typeof render>;

  beforeAll(async () => {
    data = render(c.name, c.from, c.to);
    ({ page, errors, requests } = await open(data.file));
  });

  afterAll(async () => {
    await page?.close();
  });

  it('has a summary per portal, with a row per week or month and its table', async () => {
    const figures = await page.$$eval('figure.summary', (fs) =>
      fs.map((f) => ({
        id: f.getAttribute('data-portal'),
        rows: f.querySelectorAll('.srow').length,
        tableRows: f.querySelectorAll('details tbody tr').length,
        height: f.querySelector('svg.summary-chart')!.getBoundingClientRect().height,
      })),
    );
    expect(figures.map((f) => f.id)).toEqual(data.timeline.portals.map((p) => p.id));
    for (const f of figures) expect(f).toMatchObject({ rows: c.rows, tableRows: c.rows });
    expect(await page.$$eval('figure.portal', (fs) => fs.length)).toBe(0);
    // Holidays: a line under the day, and named in the row's label. New Year's Day 2027 is a
    // Friday, the first day of the period (US calendar, in the example).
    const first = await page.$eval('figure.summary .srow[data-row="0"]', (g) => ({
      label: g.getAttribute('aria-label'),
      line: g.querySelector('path.holiday')?.getAttribute('d'),
    }));
    expect(first.label).toContain("holidays: 2027-01-01 New Year's Day");
    // (January 2027 has Martin Luther King Jr. Day too.)
    expect(first.line).toBe(c.unit === 'Week' ? 'M228 37h22v2h-22z' : 'M132 37h18v2h-18zM472 37h18v2h-18z');
  });

  it('shows every day of the period once, with the numbers of the JSON intervals', async () => {
    const days = localDays(c.from, c.to);
    for (const portal of data.timeline.portals) {
      const rows = await page.$$eval(`figure.summary[data-portal="${portal.id}"] .srow`, (gs) =>
        gs.map((g) => ({
          first: g.getAttribute('data-first')!,
          column: Number(g.getAttribute('data-column')),
          days: g
            .getAttribute('data-days')!
            .split(' ')
            .map((d) => d.split(',').map(Number)),
          human: g.querySelector('path.human')?.getAttribute('d') ?? '',
          placeholder: g.querySelector('path.placeholder')?.getAttribute('d') ?? '',
          cells: g.querySelector('path')!.getAttribute('d')!,
          y: Number(g.querySelector('.hit')!.getAttribute('y')) + 2,
        })),
      );
      // Every date once, in order.
      const shown = rows.flatMap((r) => r.days.map((_, k) => DateTime.fromISO(r.first, { zone: 'UTC' }).plus({ days: k }).toISODate()));
      expect(shown).toEqual(days.map((d) => d.date));
      // Each day's hours online with humans and with placeholders only, from the JSON intervals.
      const intervals = portal.intervals.map((i) => ({
        start: Date.parse(i.start),
        end: Date.parse(i.end),
        online: i.state === 'online',
        human: (i.humans ?? []).length > 0,
      }));
      let j = 0;
      const expected = days.map((d) => {
        let human = 0;
        let placeholder = 0;
        while (intervals[j]!.end <= d.start) j++;
        for (let k = j; k < intervals.length && intervals[k]!.start < d.end; k++) {
          const i = intervals[k]!;
          const ms = Math.min(i.end, d.end) - Math.max(i.start, d.start);
          if (!i.online) continue;
          if (i.human) human += ms;
          else placeholder += ms;
        }
        return [round(d.end - d.start), round(human), round(placeholder)];
      });
      expect(rows.flatMap((r) => r.days)).toEqual(expected);
      // The cells: one per day, at its column; the bars as tall as the shares of the day.
      const bars = (d: string) => [...d.matchAll(/M([\d.]+) ([\d.]+)h[\d.]+v([\d.]+)h-[\d.]+z/g)].map((m) => m.slice(1).map(Number));
      const cell = c.unit === 'Week' ? 24 : 20;
      for (const r of rows) {
        expect(bars(r.cells).map((b) => b[0])).toEqual(r.days.map((_, k) => 132 + (r.column + k) * cell));
        const byX = (d: string) => new Map(bars(d).map((b) => [b[0], b]));
        const human = byX(r.human);
        const placeholder = byX(r.placeholder);
        r.days.forEach(([hours, h, p], k) => {
          const x = 132 + (r.column + k) * cell;
          const hh = human.get(x)?.[2] ?? 0;
          const ph = placeholder.get(x)?.[2] ?? 0;
          expect(hh).toBeCloseTo((h! / hours!) * 14, 1);
          expect(ph).toBeCloseTo((p! / hours!) * 14, 1);
          // Stacked from the bottom of the cell: humans, then placeholders only.
          if (hh > 0) expect(human.get(x)![1]! + hh).toBeCloseTo(r.y + 14, 1);
          if (ph > 0) expect(placeholder.get(x)![1]! + ph).toBeCloseTo(r.y + 14 - hh, 1);
        });
      }
      // And the days add up to the JSON report's totals.
      const json = data.report.portals.find((p) => p.id === portal.id)!;
      expect(round(expected.reduce((n, d) => n + d[1]! * HOUR, 0))).toBeCloseTo(json.humanHours, 0);
      expect(round(expected.reduce((n, d) => n + d[2]! * HOUR, 0))).toBeCloseTo(json.placeholderOnlyHours, 0);
    }
  });

  it('shows the same totals as `report --format json`', async () => {
    const rows = await page.$$eval('#totals tr[data-portal]', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute('data-portal'),
        onlineHours: Number(tr.getAttribute('data-online-hours')),
        coverage: Number(tr.getAttribute('data-coverage')),
      })),
    );
    expect(rows).toEqual(data.report.portals.map((p) => ({ id: p.id, onlineHours: p.onlineHours, coverage: p.coverage })));
    expect(await page.$$eval('figure.heat-map', (fs) => fs.length)).toBe(data.report.portals.length);
  });

  it('draws the days of a chosen row: tiled, and exactly the JSON intervals that meet them', async () => {
    const days = localDays(c.from, c.to);
    for (const [k, portal] of data.timeline.portals.entries()) {
      // A row in the middle, and the last one.
      for (const r of [Math.floor(c.rows / 2) + k, c.rows - 1]) {
        await page.click(`figure.summary[data-portal="${portal.id}"] .srow[data-row="${r}"] text`);
        const row = await page.$eval(`figure.summary[data-portal="${portal.id}"] .srow[data-row="${r}"]`, (g) => ({
          first: g.getAttribute('data-first')!,
          count: g.getAttribute('data-days')!.split(' ').length,
          chosen: g.classList.contains('chosen'),
        }));
        expect(row.chosen).toBe(true);
        const firstIndex = days.findIndex((d) => d.date === row.first);
        const from = days[firstIndex]!.start;
        const to = days[firstIndex + row.count - 1]!.end;
        expectTiled(await detailRows(page, portal.id), row.count);
        const drawn = await page.$$eval(`figure.summary[data-portal="${portal.id}"] .detail g.interval`, (gs) =>
          gs.map((g) => [g.getAttribute('data-start'), g.getAttribute('data-end')]),
        );
        const expected = portal.intervals.filter((i) => Date.parse(i.start) < to && Date.parse(i.end) > from).map((i) => [i.start, i.end]);
        expect(drawn).toEqual(expected);
      }
    }
    expect(errors).toEqual([]);
  });

  it('is reachable by keyboard: Tab to a summary, arrows move between rows, Enter draws the days', async () => {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let focused = '';
    for (let k = 0; k < 60 && focused !== 'srow'; k++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() =>
        document.activeElement?.classList.contains('srow') ? 'srow' : (document.activeElement?.tagName ?? ''),
      );
    }
    expect(focused).toBe('srow');
    const state = () =>
      page.evaluate(() => ({
        row: document.activeElement?.getAttribute('data-row'),
        portal: document.activeElement?.closest('figure')?.getAttribute('data-portal'),
        start: document.activeElement?.getAttribute('data-start'),
        panel: document.getElementById('details')!.hidden ? null : document.getElementById('details')!.textContent,
      }));
    const first = data.timeline.portals[0]!;
    expect(await state()).toMatchObject({ row: '0', portal: first.id });
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await state()).row).toBe('2');
    await page.keyboard.press('End');
    expect((await state()).row).toBe(String(c.rows - 1));
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    expect((await state()).row).toBe('1');
    // One Tab stop per chart: Tab leaves the summary.
    expect(await page.$$eval(`figure.summary[data-portal="${first.id}"] .srow[tabindex="0"]`, (gs) => gs.length)).toBe(1);
    await page.keyboard.press('Enter');
    const second = await page.$eval(`figure.summary[data-portal="${first.id}"] .srow[data-row="1"]`, (g) => g.getAttribute('data-first')!);
    const from = localDays(second, DateTime.fromISO(second).plus({ days: 1 }).toISODate()!)[0]!;
    const firstInterval = first.intervals.find((i) => Date.parse(i.end) > from.start)!;
    let s = await state();
    expect(s.start).toBe(firstInterval.start);
    expect(s.panel).toContain(first.id);
    await page.keyboard.press('ArrowRight');
    s = await state();
    expect(s.start).toBe(first.intervals[first.intervals.indexOf(firstInterval) + 1]!.start);
    await page.keyboard.press('Escape');
    expect((await state()).panel).toBeNull();
  });

  it('showed no errors and asked for nothing but itself', async () => {
    await page.hover(`figure.summary .srow[data-row="3"] path`, { force: true });
    expect(await page.isVisible('#details')).toBe(true);
    expect(await page.textContent('#details')).toMatch(/online \d+\.\d\d h of 2\d\.00 h/);
    expect(errors).toEqual([]);
    expect(requests).toEqual([pathToFileURL(data.file).href]);
    await page.screenshot({ path: join(ARTIFACTS, `${c.name}.png`) });
  });
});

describe('the days of a chosen week are drawn as the page of a short period draws them', () => {
  let year: Page;
  let short: Page[] = [];

  beforeAll(async () => {
    const file = join(ARTIFACTS, `${YEAR.name}.html`);
    if (!existsSync(file)) render(YEAR.name, YEAR.from, YEAR.to);
    year = (await open(file)).page;
    // Chicago springs forward on Sunday 2027-03-14 and falls back on Sunday 2027-11-07.
    short = await Promise.all(
      [render('report-week-spring', '2027-03-08', '2027-03-15'), render('report-week-fall', '2027-11-01', '2027-11-08')].map(
        async (r) => (await open(r.file)).page,
      ),
    );
  });

  afterAll(async () => {
    await year?.close();
    for (const p of short) await p.close();
  });

  it.each([
    ['2027-03-08', 0],
    ['2027-11-01', 1],
  ])('the week of %s', async (monday, k) => {
    for (const portal of ['teen-chat', 'text-line', 'website-chat']) {
      const chart = `figure[data-portal="${portal}"] svg.timeline`;
      await year.click(`figure.summary[data-portal="${portal}"] .srow[data-first="${monday}"] text`);
      const a = await drawing(year, `figure.summary[data-portal="${portal}"] .detail svg.timeline`, 7);
      const b = await drawing(short[k]!, chart, 7);
      expect(a.rects).toEqual(b.rects);
      expect(a.gaps).toEqual(b.gaps);
      expect(a.labels).toEqual(b.labels);
      expect(a.labelTitles).toEqual(b.labelTitles);
      expect(a.gaps.length + a.labelTitles.length).toBeGreaterThan(0);
      // The intervals inside the week have the same words (those the week cuts start or end elsewhere).
      const inner = Object.keys(b.intervals).filter((key) => key in a.intervals);
      expect(inner.length).toBeGreaterThan(3);
      for (const key of inner) expect(a.intervals[key]).toEqual(b.intervals[key]);
    }
  });
});
