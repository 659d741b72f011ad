/**
 * `report --format html` without a browser: a self-contained page whose numbers and intervals are
 * those of the JSON outputs, with every name escaped. test/browser/ opens it in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { load, loadFromTexts } from '../../src/check.js';
import { compile, coverage, coveragePage } from '../../src/compile.js';
import { esc, html, lines, raw, type Html } from '../../src/format/report-html/html.js';
import { scriptJson } from '../../src/format/report-html/summary.js';
import { reportJson } from '../../src/format/report.js';
import { cli } from '../helpers.js';

const PERIOD = { from: '2026-12-21', to: '2027-01-04' };
const FIXTURE = 'test/fixtures/html-report';

/** A small organization whose names try to break out of HTML text, attributes and the script. */
const HOSTILE = `shiftready: 1
organization:
  id: org
  name: "Harbor <Help> Line & Co"
  timezone: Europe/London
  offlineMessages:
    sms: closed
programs:
  - id: p
portals:
  - id: web
    name: "</script><script>alert(1)</script>"
    type: chat
    program: p
users:
  - { id: ana, role: admin, programs: [p], canReceive: [chat] }
shifts:
  - id: day
    program: p
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=DAILY
    from: 2026-12-01
    staff: [ana]
overrides:
  - id: drill
    offline: 2026-12-22T10:00
    online: 2026-12-22T11:00
    by: ana
    note: "<o'neil> & x\\" onmouseover=\\"alert(2)"
`;

describe('esc', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(esc(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });
});

describe('html', () => {
  const hostile = `</td><b class="x" title='y'>&amp;`;

  it('escapes every interpolated text, in content and in attribute values', () => {
    expect(String(html`<td title="${hostile}">${hostile}</td>`)).toBe(`<td title="${esc(hostile)}">${esc(hostile)}</td>`);
  });

  it('keeps markup that html or raw built as it is, and escapes it only once', () => {
    const cell = html`<td>${hostile}</td>`;
    expect(String(html`<tr>${cell}${raw('<td>&nbsp;</td>')}</tr>`)).toBe(`<tr><td>${esc(hostile)}</td><td>&nbsp;</td></tr>`);
  });

  it('concatenates a list, escaping its texts and keeping its markup', () => {
    expect(String(html`<ul>${['<a>', html`<li>${'&'}</li>`, 7]}</ul>`)).toBe('<ul>&lt;a&gt;<li>&amp;</li>7</ul>');
  });

  it('writes numbers as JavaScript does', () => {
    expect(String(html`<td>${0.1 + 0.2}</td><td>${-3}</td>`)).toBe('<td>0.30000000000000004</td><td>-3</td>');
  });

  it('takes no string for markup (checked by npm run typecheck)', () => {
    // @ts-expect-error text becomes markup only through html or raw
    const notMarkup: Html = '<b>';
    expect(String(html`${notMarkup}`)).toBe('&lt;b&gt;');
  });

  it('puts parts one per line', () => {
    expect(String(lines([html`<p>${'a'}</p>`, raw('<hr>')]))).toBe('<p>a</p>\n<hr>');
  });
});

describe('the HTML report page', () => {
  const hostile = () => coveragePage(loadFromTexts([{ file: 'org.yaml', text: HOSTILE }]), { ...PERIOD, now: '2026-12-01T00:00' });

  it('keeps hostile names as text: one script element, no injected handler', () => {
    const html = hostile();
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(html).not.toContain('alert(1)</script>');
    expect(html).not.toMatch(/onmouseover="/);
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<title>Coverage report — Harbor &lt;Help&gt; Line &amp; Co</title>');
    // The override's note, in the interval's data attribute.
    expect(html).toContain(
      'data-more="Override: drill (organization switch): &lt;o&#39;neil&gt; &amp; x&quot; onmouseover=&quot;alert(2)"',
    );
  });

  it('needs nothing from outside the file', () => {
    const html = hostile();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/<link|<img|<iframe|@import|\ssrc=/i);
    // Every url(...) points into the page itself.
    expect([...html.matchAll(/url\(([^)]*)\)/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
  });

  it('is the same bytes every time', () => {
    expect(hostile()).toBe(hostile());
  });

  it('draws one group per interval of the compiled timeline, in order', async () => {
    const { code, stdout } = await cli(['compile', FIXTURE, '--from', PERIOD.from, '--to', PERIOD.to, '--format', 'json']);
    expect(code).toBe(0);
    const timeline = JSON.parse(stdout) as { portals: { id: string; intervals: { start: string; end: string }[] }[] };
    const page = await cli(['report', FIXTURE, '--from', PERIOD.from, '--to', PERIOD.to, '--format', 'html']);
    expect(page.code).toBe(0);
    const figures = page.stdout.split('<figure class="portal"').slice(1);
    expect(figures).toHaveLength(timeline.portals.length);
    timeline.portals.forEach((p, k) => {
      const fig = figures[k]!;
      expect(fig).toContain(`data-portal="${p.id}" data-intervals="${p.intervals.length}"`);
      const drawn = [...fig.matchAll(/<g class="interval"[^>]*data-start="([^"]+)" data-end="([^"]+)"/g)].map((m) => ({
        start: m[1],
        end: m[2],
      }));
      expect(drawn).toEqual(p.intervals.map((i) => ({ start: i.start, end: i.end })));
    });
  });

  it('shows the numbers of the JSON report', () => {
    const config = loadFromTexts([{ file: 'org.yaml', text: HOSTILE }]);
    const options = { ...PERIOD, now: '2026-12-01T00:00' };
    const json = reportJson(coverage(config, options)) as {
      portals: { id: string; onlineHours: number; humanHours: number; coverage: number }[];
    };
    const html = coveragePage(config, options);
    // By hand: 14 days of 09:00-17:00 (112 h) less the 1-hour drill = 111 h of 336 h.
    expect(json.portals).toMatchObject([{ id: 'web', onlineHours: 111, humanHours: 111, coverage: 0.33 }]);
    expect(html).toContain(
      'data-portal="web" data-online-hours="111" data-human-hours="111" data-placeholder-only-hours="0" data-alert-hours="0" data-coverage="0.33" data-gaps="0"',
    );
    expect(html).toContain('<td class="num">111.00 h</td>');
  });

  it('is refused for a configuration with errors, like the JSON report', () => {
    const broken = loadFromTexts([{ file: 'org.yaml', text: HOSTILE.replace('staff: [ana]', 'staff: [nobody]') }]);
    expect(() => coveragePage(broken, PERIOD)).toThrow(/error/i);
  });

  it('reports the timeline once for every portal, in the order of the JSON', () => {
    const config = loadFromTexts([{ file: 'org.yaml', text: HOSTILE }]);
    const timeline = compile(config, PERIOD);
    const html = coveragePage(config, PERIOD);
    expect([...html.matchAll(/<figure class="portal" data-portal="([^"]+)"/g)].map((m) => m[1])).toEqual(
      timeline.portals.map((p) => p.portal.id),
    );
  });
});

describe('the HTML report of a long period', () => {
  const LONG = { from: '2026-12-01', to: '2027-03-01', now: '2026-12-01T00:00' };
  const dataOf = (page: string) => {
    const m = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(page);
    return m
      ? (JSON.parse(m[1]!) as { looks: [string, string, string[]][]; rows: { label: string }[]; portals: { intervals: number[] }[] })
      : undefined;
  };

  it('is drawn day by day up to six weeks, and summed up beyond', () => {
    const config = loadFromTexts([{ file: 'org.yaml', text: HOSTILE }]);
    const sixWeeks = coveragePage(config, { from: '2026-12-01', to: '2027-01-12' });
    expect(sixWeeks).toContain('<figure class="portal"');
    expect(dataOf(sixWeeks)).toBeUndefined();
    const longer = coveragePage(config, { from: '2026-12-01', to: '2027-01-13' });
    expect(longer).not.toContain('<figure class="portal"');
    expect(longer).toContain('<figure class="summary" data-portal="web" data-rows="7"');
    expect(dataOf(longer)?.rows.map((r) => r.label)).toEqual([
      'Week of 2026-11-30',
      'Week of 2026-12-07',
      'Week of 2026-12-14',
      'Week of 2026-12-21',
      'Week of 2026-12-28',
      'Week of 2027-01-04',
      'Week of 2027-01-11',
    ]);
  });

  it('keeps hostile names as text in the embedded data: no way out of its script element', () => {
    const page = coveragePage(loadFromTexts([{ file: 'org.yaml', text: HOSTILE }]), LONG);
    expect(page.match(/<script[ >]/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    expect(page).not.toContain('alert(1)</script>');
    expect(page).not.toMatch(/onmouseover="/);
    // The embedded data reads back as the words the page of a short period writes.
    const data = dataOf(page)!;
    expect(data.looks.map((l) => l[2]).flat()).toContain(`Override: drill (organization switch): <o'neil> & x" onmouseover="alert(2)`);
    expect(data.portals[0]!.intervals.filter((_, k) => k % 2 === 0).reduce((a, b) => a + b, 0)).toBe(90 * 24 * 60);
  });

  it('escapes what would end a script element or a comment in the JSON', () => {
    expect(scriptJson(JSON.stringify(['</script><!--', '\u2028&']))).toBe('["\\u003c/script\\u003e\\u003c!--","\\u2028\\u0026"]');
    expect(JSON.parse(scriptJson(JSON.stringify(['</script><!--', '\u2028&'])))).toEqual(['</script><!--', '\u2028&']);
  });

  it('stays under 5 MB for ten years of the example', () => {
    const page = coveragePage(load(['examples/crisis-line']), { from: '2027-01-01', to: '2037-01-01', now: '2027-01-01T00:00' });
    expect(Buffer.byteLength(page)).toBeLessThan(5_000_000);
    expect(page.match(/<figure class="summary"/g)).toHaveLength(3);
    expect(dataOf(page)!.rows).toHaveLength(120);
  }, 30_000);
});
