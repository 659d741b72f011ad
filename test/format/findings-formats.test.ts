/**
 * Each findings formatter on a hand-built result, with the expected output written by hand.
 * The messages carry the characters each format must escape.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check.js';
import { formatFindingsJson } from '../../src/format/findings-json.js';
import { mdCell as cell } from '../../src/format/escape.js';
import { formatFindingsMarkdown } from '../../src/format/findings-markdown.js';
import { escapeData, escapeProperty, formatGithub } from '../../src/format/github.js';
import { formatJunit, xml } from '../../src/format/junit.js';
import { formatGitlab } from '../../src/format/gitlab.js';
import { formatSarif, markdownToText, toUri } from '../../src/format/sarif.js';
import { formatStylish } from '../../src/format/stylish.js';
import { RULE_BY_ID } from '../../src/rules/index.js';

const RESULT: CheckResult = {
  findings: [
    {
      rule: 'staff-lacks-permission',
      severity: 'error',
      message: 'jane cannot receive SMS, so jane does not count on `sms-evenings`: add sms to canReceive',
      file: 'shifts/sms.yaml',
      line: 14,
      column: 9,
      related: [{ file: 'users.yaml', line: 22, column: 5, message: 'jane is defined here' }],
    },
    {
      rule: 'user-without-access',
      severity: 'warn',
      message: '100% <odd> & "quoted" | piped\nsecond line: a, b',
      file: 'dir with space/users.yaml',
      line: 3,
      column: 7,
    },
  ],
  errorCount: 1,
  warningCount: 1,
  period: { from: 0, to: 1 },
  files: ['clean.yaml', 'dir with space/users.yaml', 'shifts/sms.yaml'],
};

const CLEAN: CheckResult = { findings: [], errorCount: 0, warningCount: 0, period: { from: 0, to: 1 }, files: ['a.yaml', 'b.yaml'] };

describe('stylish', () => {
  it('prints file:line:col  severity  message  rule-id, related locations, and a summary', () => {
    expect(formatStylish(RESULT)).toBe(
      'shifts/sms.yaml:14:9  error  jane cannot receive SMS, so jane does not count on `sms-evenings`: add sms to canReceive  staff-lacks-permission\n' +
        '    users.yaml:22:5  jane is defined here\n' +
        'dir with space/users.yaml:3:7  warning  100% <odd> & "quoted" | piped\nsecond line: a, b  user-without-access\n' +
        '\n' +
        '✖ 2 problems (1 error, 1 warning)\n',
    );
  });
  it('says so when there is nothing to report', () => {
    expect(formatStylish(CLEAN)).toBe('✓ 2 files checked: no problems\n');
  });
});

describe('json (SPEC §5.3)', () => {
  it('has findings with related locations, and the counts', () => {
    expect(JSON.parse(formatFindingsJson(RESULT))).toEqual({
      findings: [
        {
          rule: 'staff-lacks-permission',
          severity: 'error',
          message: 'jane cannot receive SMS, so jane does not count on `sms-evenings`: add sms to canReceive',
          file: 'shifts/sms.yaml',
          line: 14,
          column: 9,
          related: [{ file: 'users.yaml', line: 22, column: 5, message: 'jane is defined here' }],
        },
        {
          rule: 'user-without-access',
          severity: 'warn',
          message: '100% <odd> & "quoted" | piped\nsecond line: a, b',
          file: 'dir with space/users.yaml',
          line: 3,
          column: 7,
        },
      ],
      errorCount: 1,
      warningCount: 1,
    });
  });
  it('keeps the key order of the spec', () => {
    const text = formatFindingsJson(RESULT);
    expect(Object.keys(JSON.parse(text))).toEqual(['findings', 'errorCount', 'warningCount']);
    expect(Object.keys(JSON.parse(text).findings[0])).toEqual(['rule', 'severity', 'message', 'file', 'line', 'column', 'related']);
  });
});

describe('github workflow commands', () => {
  it('escapes %, CR and LF in messages', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
  });
  it('also escapes : and , in property values', () => {
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
  it('writes one annotation per finding', () => {
    expect(formatGithub(RESULT)).toBe(
      '::error file=shifts/sms.yaml,line=14,col=9,title=shiftready staff-lacks-permission::jane cannot receive SMS, so jane does not count on `sms-evenings`: add sms to canReceive%0Ausers.yaml:22:5: jane is defined here\n' +
        '::warning file=dir with space/users.yaml,line=3,col=7,title=shiftready user-without-access::100%25 <odd> & "quoted" | piped%0Asecond line: a, b\n',
    );
  });
  it('prints nothing when clean', () => {
    expect(formatGithub(CLEAN)).toBe('');
  });
});

describe('markdown', () => {
  it('escapes table cells', () => {
    expect(cell('a|b *c* <d>\nx')).toBe('a\\|b \\*c\\* \\<d\\><br>x');
  });
  it('writes a summary and a table', () => {
    expect(formatFindingsMarkdown(RESULT)).toBe(
      '## shiftready check\n\n' +
        '❌ 2 problems: 1 error, 1 warning.\n\n' +
        '| Location | Severity | Rule | Message |\n' +
        '| --- | --- | --- | --- |\n' +
        '| shifts/sms.yaml:14:9 | error | [staff-lacks-permission](https://github.com/shiftready/shiftready/blob/main/docs/rules/staff-lacks-permission.md) | jane cannot receive SMS, so jane does not count on \\`sms-evenings\\`: add sms to canReceive<br>↳ users.yaml:22:5: jane is defined here |\n' +
        '| dir with space/users.yaml:3:7 | warning | [user-without-access](https://github.com/shiftready/shiftready/blob/main/docs/rules/user-without-access.md) | 100% \\<odd\\> & "quoted" \\| piped<br>second line: a, b |\n',
    );
  });
  it('says so when clean', () => {
    expect(formatFindingsMarkdown(CLEAN)).toBe('## shiftready check\n\n✅ 2 files checked: no problems.\n');
  });
});

describe('junit', () => {
  it('escapes XML and drops characters XML cannot hold', () => {
    expect(xml('<a & "b" \'c\'>\u0001')).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;\uFFFD');
  });
  it('has a suite per file (its file an attribute of the suite), a failing case per finding with the location in its name and text, and a passing case for a clean file', () => {
    expect(formatJunit(RESULT)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<testsuites name="shiftready check" tests="3" failures="2" errors="0">\n' +
        '  <testsuite name="clean.yaml" file="clean.yaml" tests="1" failures="0" errors="0" skipped="0">\n' +
        '    <testcase name="clean.yaml" classname="shiftready.check"/>\n' +
        '  </testsuite>\n' +
        '  <testsuite name="dir with space/users.yaml" file="dir with space/users.yaml" tests="1" failures="1" errors="0" skipped="0">\n' +
        '    <testcase name="dir with space/users.yaml:3:7 user-without-access" classname="shiftready.user-without-access">\n' +
        '      <failure message="100% &lt;odd&gt; &amp; &quot;quoted&quot; | piped\nsecond line: a, b" type="warn">dir with space/users.yaml:3:7 warn 100% &lt;odd&gt; &amp; &quot;quoted&quot; | piped\nsecond line: a, b (user-without-access)</failure>\n' +
        '    </testcase>\n' +
        '  </testsuite>\n' +
        '  <testsuite name="shifts/sms.yaml" file="shifts/sms.yaml" tests="1" failures="1" errors="0" skipped="0">\n' +
        '    <testcase name="shifts/sms.yaml:14:9 staff-lacks-permission" classname="shiftready.staff-lacks-permission">\n' +
        '      <failure message="jane cannot receive SMS, so jane does not count on `sms-evenings`: add sms to canReceive" type="error">shifts/sms.yaml:14:9 error jane cannot receive SMS, so jane does not count on `sms-evenings`: add sms to canReceive (staff-lacks-permission)\nusers.yaml:22:5: jane is defined here</failure>\n' +
        '    </testcase>\n' +
        '  </testsuite>\n' +
        '</testsuites>\n',
    );
  });
});

describe('sarif 2.1.0', () => {
  it('encodes relative paths as URI references and absolute ones as file URIs', () => {
    expect(toUri('dir with space/a#b.yaml')).toBe('dir%20with%20space/a%23b.yaml');
    expect(toUri('/abs/x.yaml')).toBe('file:///abs/x.yaml');
  });
  it('has one run, the rules, and results with locations and related locations', () => {
    const sarif = JSON.parse(formatSarif(RESULT));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('shiftready');
    const ids: string[] = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toContain('staff-lacks-permission');
    const [first, second] = run.results;
    expect(first).toEqual({
      ruleId: 'staff-lacks-permission',
      ruleIndex: ids.indexOf('staff-lacks-permission'),
      level: 'error',
      message: { text: 'jane cannot receive SMS, so jane does not count on `sms-evenings`: add sms to canReceive' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'shifts/sms.yaml', uriBaseId: '%SRCROOT%' },
            region: { startLine: 14, startColumn: 9 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: { artifactLocation: { uri: 'users.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 22, startColumn: 5 } },
          message: { text: 'jane is defined here' },
        },
      ],
    });
    expect(second.level).toBe('warning');
    expect(second.locations[0].physicalLocation.artifactLocation.uri).toBe('dir%20with%20space/users.yaml');
  });
});

describe('sarif rule help', () => {
  const rule = (sarif: string, id: string) =>
    (JSON.parse(sarif).runs[0].tool.driver.rules as { id: string; help: { text: string; markdown: string }; helpUri: string }[]).find(
      (r) => r.id === id,
    )!;

  it('every rule has help and a helpUri; without its page, the description and a link', () => {
    const sarif = formatSarif(RESULT);
    for (const r of JSON.parse(sarif).runs[0].tool.driver.rules) {
      expect(r.help.text.length, r.id).toBeGreaterThan(0);
      expect(r.help.markdown.length, r.id).toBeGreaterThan(0);
      expect(r.helpUri).toBe(`https://github.com/shiftready/shiftready/blob/main/docs/rules/${r.id}.md`);
    }
    expect(rule(sarif, 'user-without-access').help.markdown).toBe(
      '# user-without-access\n\n' +
        `${RULE_BY_ID.get('user-without-access')!.meta.description}\n\n` +
        '[Documentation](https://github.com/shiftready/shiftready/blob/main/docs/rules/user-without-access.md)',
    );
  });

  it("uses the rule's page: Markdown with relative links made absolute, and the same as plain text", () => {
    const page =
      '# user-without-access\n\n**Default severity:** warn\n\nSee [the other rule](staff-lacks-permission.md) and `canReceive`.\n\n```yaml\nusers: []\n```\n';
    const sarif = formatSarif(RESULT, { pages: new Map([['user-without-access', page]]) });
    const link = 'https://github.com/shiftready/shiftready/blob/main/docs/rules/staff-lacks-permission.md';
    expect(rule(sarif, 'user-without-access').help).toEqual({
      markdown: `# user-without-access\n\n**Default severity:** warn\n\nSee [the other rule](${link}) and \`canReceive\`.\n\n\`\`\`yaml\nusers: []\n\`\`\``,
      text: `user-without-access\n\nDefault severity: warn\n\nSee the other rule (${link}) and canReceive.\n\nusers: []\n`,
    });
    expect(markdownToText('[a](https://x.test/) **b** `c`')).toBe('a (https://x.test/) b c');
  });

  it('describes %SRCROOT% with the root it is given', () => {
    const sarif = JSON.parse(formatSarif(RESULT, { root: { uri: 'file:///repo/', description: 'The top of the git work tree.' } }));
    expect(sarif.runs[0].originalUriBaseIds).toEqual({
      '%SRCROOT%': { uri: 'file:///repo/', description: { text: 'The top of the git work tree.' } },
    });
  });
});

describe('gitlab code quality', () => {
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  it('writes one issue per finding: description, check_name, fingerprint, severity, location', () => {
    expect(JSON.parse(formatGitlab(RESULT))).toEqual([
      {
        description: 'jane cannot receive SMS, so jane does not count on `sms-evenings`: add sms to canReceive',
        check_name: 'staff-lacks-permission',
        fingerprint: sha256(
          '["staff-lacks-permission","shifts/sms.yaml","jane cannot receive SMS, so jane does not count on `sms-evenings`: add sms to canReceive",0]',
        ),
        severity: 'major',
        location: { path: 'shifts/sms.yaml', lines: { begin: 14 } },
      },
      {
        description: '100% <odd> & "quoted" | piped\nsecond line: a, b',
        check_name: 'user-without-access',
        fingerprint: sha256(
          '["user-without-access","dir with space/users.yaml","100% <odd> & \\"quoted\\" | piped\\nsecond line: a, b",0]',
        ),
        severity: 'minor',
        location: { path: 'dir with space/users.yaml', lines: { begin: 3 } },
      },
    ]);
  });

  it('is an empty array when clean', () => {
    expect(formatGitlab(CLEAN)).toBe('[]\n');
  });

  it('keeps a fingerprint when lines move, and tells identical findings in one file apart', () => {
    const at = (line: number, message = 'same') => ({
      rule: 'user-without-access',
      severity: 'warn' as const,
      message,
      file: 'u.yaml',
      line,
      column: 1,
    });
    const result = (findings: ReturnType<typeof at>[]): CheckResult => ({
      ...CLEAN,
      findings,
      errorCount: 0,
      warningCount: findings.length,
    });
    const prints = (r: CheckResult) => (JSON.parse(formatGitlab(r)) as { fingerprint: string }[]).map((i) => i.fingerprint);
    const before = prints(result([at(3), at(9), at(12, 'other')]));
    const after = prints(result([at(30), at(41), at(50, 'other')]));
    expect(after).toEqual(before);
    expect(new Set(before).size).toBe(3);
  });
});
