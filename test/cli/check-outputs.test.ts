/**
 * `check` with several `--format FORMAT[=FILE]` in one run (SPEC §5): each output is exactly what a
 * run with that one format prints, files are written whole or not at all, and conflicts are usage
 * errors (exit 2) that write nothing. Also: SARIF and GitLab Code Quality paths relative to the
 * repository root, and the GitLab report against a JSON Schema written from GitLab's documentation.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { BASE, cli, NOW, tempDir } from '../helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;

/** BASE plus a user with a program that does not exist (an error) and a user who can receive nothing (a warning). */
const BROKEN = {
  'org.yaml': BASE,
  'people.yaml': 'shiftready: 1\nusers:\n  - id: cy\n    programs: [nowhere]\n  - id: di\n    canReceive: [sms]\n',
};

const run = (argv: string[], cwd: string) => cli([...argv, '--now', NOW], cwd);
const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');

describe('check --format F[=FILE], repeated', () => {
  it('writes each format to its file and the one without a file to stdout, each as a run with that format alone', async () => {
    const dir = tempDir(BROKEN);
    const all = await run(
      [
        'check',
        '.',
        '--format',
        'stylish',
        '--format',
        'sarif=out.sarif',
        '--format',
        'junit=report.xml',
        '--format',
        'gitlab=gl-code-quality.json',
      ],
      dir,
    );
    expect(all.stderr).toBe('');
    expect(all.code).toBe(1);
    const alone = async (format: string) => {
      const single = await run(['check', '.', '--format', format], dir);
      expect(single.code).toBe(1);
      return single.stdout;
    };
    expect(all.stdout).toBe(await alone('stylish'));
    expect(all.stdout).toMatch(/people\.yaml:\d+:\d+ +error/);
    expect(read(dir, 'out.sarif')).toBe(await alone('sarif'));
    expect(read(dir, 'report.xml')).toBe(await alone('junit'));
    expect(read(dir, 'gl-code-quality.json')).toBe(await alone('gitlab'));
  });

  it("with only files, prints nothing; the exit code is the check's", async () => {
    const dir = tempDir(BROKEN);
    const r = await run(['check', '.', '--format', 'json=a.json', '-f', 'github=b.txt'], dir);
    expect(r).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(JSON.parse(read(dir, 'a.json')).errorCount).toBe(1);
    expect(read(dir, 'b.txt')).toMatch(/^::error file=people\.yaml,/);
  });

  it('--out takes the one format without a file', async () => {
    const dir = tempDir(BROKEN);
    const r = await run(['check', '.', '--format', 'json', '--format', 'markdown=summary.md', '--out', 'findings.json'], dir);
    expect(r).toEqual({ code: 1, stdout: '', stderr: '' });
    expect(JSON.parse(read(dir, 'findings.json')).warningCount).toBe(1);
    expect(read(dir, 'summary.md')).toMatch(/^## shiftready check/);
    // Without --format, --out takes the default format.
    await run(['check', '.', '--out', 'stylish.txt'], dir);
    expect(read(dir, 'stylish.txt')).toBe((await run(['check', '.'], dir)).stdout);
  });

  it.each([
    [['--format', 'json', '--format', 'sarif'], '--format json and --format sarif: both write to standard output'],
    [['--format', 'json', '--format', 'sarif=-'], '--format json and --format sarif=-: both write to standard output'],
    [
      ['--format', 'json=same.txt', '--format', 'sarif=./same.txt'],
      '--format json=same.txt and --format sarif=./same.txt: both write ./same.txt',
    ],
    [['--format', 'json=x.json', '--out', 'y.json'], '--out y.json: every --format names its own file'],
    [['--format', 'json=org.yaml'], '--format json=org.yaml: that is one of the configuration files being read'],
    [['--format', 'json='], '--format json=: needs a file name after ='],
    [
      ['--format', 'sarif=ok.sarif', '--format', 'nope=x'],
      "argument 'nope=x' is invalid. Allowed choices are stylish, json, sarif, junit, github, markdown, gitlab.",
    ],
  ])('refuses %j: exit 2, says why, writes nothing', async (flags, message) => {
    const dir = tempDir(BROKEN);
    const before = read(dir, 'org.yaml');
    const r = await run(['check', '.', ...flags], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(read(dir, 'org.yaml')).toBe(before);
    for (const file of ['same.txt', 'x.json', 'y.json', 'ok.sarif']) expect(existsSync(join(dir, file)), file).toBe(false);
  });

  it('when one file cannot be written, none is: the others keep what they held', async () => {
    const dir = tempDir({ ...BROKEN, 'a.json': 'old\n' });
    const r = await run(['check', '.', '--format', 'json=a.json', '--format', 'sarif=b.sarif', '--format', 'junit=missing/dir/c.xml'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--format junit=missing/dir/c.xml: cannot write the file');
    expect(r.stdout).toBe('');
    expect(read(dir, 'a.json')).toBe('old\n');
    expect(existsSync(join(dir, 'b.sarif'))).toBe(false);
    expect(spawnSync('ls', ['-A', dir], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort()).toEqual([
      'a.json',
      'org.yaml',
      'people.yaml',
    ]);
  });

  it('other commands write one format: FORMAT=FILE works as --out, two formats are a usage error', async () => {
    const dir = tempDir({ 'org.yaml': BASE });
    const period = ['--from', '2026-01-05', '--to', '2026-01-06'];
    const file = await run(['compile', '.', ...period, '--format', 'csv=week.csv'], dir);
    expect(file).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(read(dir, 'week.csv')).toBe((await run(['compile', '.', ...period, '--format', 'csv'], dir)).stdout);
    const two = await run(['compile', '.', ...period, '--format', 'json', '--format', 'csv=x.csv'], dir);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('`compile` writes one format per run (--format json, --format csv=x.csv); several are for `check`');
  });
});

/** git in a scratch repository, isolated from the machine's settings. */
function git(cwd: string, ...args: string[]): void {
  const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

interface SarifLocation {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } };
}
interface Sarif {
  runs: {
    originalUriBaseIds: Record<string, { uri?: string; description: { text: string } }>;
    results: { locations: SarifLocation[] }[];
  }[];
}
interface CodeQualityIssue {
  check_name: string;
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number } };
}

describe('paths relative to the repository (SARIF, GitLab Code Quality)', () => {
  it('run from a subdirectory of a git work tree: paths from its top, under %SRCROOT% = the top', async () => {
    const repo = tempDir();
    git(repo, 'init', '--quiet');
    mkdirSync(join(repo, 'config'));
    for (const [name, text] of Object.entries(BROKEN)) writeFileSync(join(repo, 'config', name), text);
    const cwd = join(repo, 'config');
    const sarifRun = await run(['check', '.', '--format', 'sarif', '--format', 'gitlab=gl.json', '--format', 'json=f.json'], cwd);
    expect(sarifRun.code).toBe(1);
    const sarif = JSON.parse(sarifRun.stdout) as Sarif;
    expect(sarif.runs[0]!.originalUriBaseIds).toEqual({
      '%SRCROOT%': {
        uri: `${pathToFileURL(realpathSync(repo)).href}/`,
        description: { text: 'The top of the git work tree shiftready ran in.' },
      },
    });
    const locations = sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
    expect(locations).toEqual([
      { uri: 'config/people.yaml', uriBaseId: '%SRCROOT%' },
      { uri: 'config/people.yaml', uriBaseId: '%SRCROOT%' },
    ]);
    const gitlab = JSON.parse(read(cwd, 'gl.json')) as CodeQualityIssue[];
    expect(gitlab.map((i) => i.location.path)).toEqual(['config/people.yaml', 'config/people.yaml']);
    // The formats people read keep the paths as given.
    const json = JSON.parse(read(cwd, 'f.json')) as { findings: { file: string; line: number; rule: string; severity: string }[] };
    expect(json.findings.map((f) => f.file)).toEqual(['people.yaml', 'people.yaml']);
    expect(gitlab.map((i) => [i.check_name, i.location.lines.begin, i.severity])).toEqual(
      json.findings.map((f) => [f.rule, f.line, f.severity === 'error' ? 'major' : 'minor']),
    );
  });

  it('outside git: relative to the working directory, and %SRCROOT% says so', async () => {
    const dir = tempDir(Object.fromEntries(Object.entries(BROKEN).map(([name, text]) => [`conf/${name}`, text])));
    const probe = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd: dir, encoding: 'utf8' });
    if (probe.status === 0) throw new Error(`the temporary directory ${dir} is inside a git work tree (${probe.stdout.trim()})`);
    const r = await run(['check', 'conf', '--format', 'sarif'], dir);
    const sarif = JSON.parse(r.stdout) as Sarif;
    expect(sarif.runs[0]!.originalUriBaseIds['%SRCROOT%']).toEqual({
      uri: `${pathToFileURL(realpathSync(dir)).href}/`,
      description: { text: 'The directory shiftready ran in (not in a git work tree).' },
    });
    expect(sarif.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: 'conf/people.yaml',
      uriBaseId: '%SRCROOT%',
    });
  });
});

describe('--format gitlab against a JSON Schema of GitLab Code Quality (test/fixtures)', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/gitlab-code-quality.schema.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true }).compile(schema);

  it('the schema rejects what GitLab would not read', () => {
    const issue = {
      description: 'd',
      check_name: 'c',
      fingerprint: 'f',
      severity: 'major',
      location: { path: 'a.yaml', lines: { begin: 1 } },
    };
    expect(validate([issue])).toBe(true);
    expect(validate([{ ...issue, severity: 'error' }])).toBe(false);
    expect(validate([{ ...issue, location: { path: './a.yaml', lines: { begin: 1 } } }])).toBe(false);
    expect(validate([{ ...issue, location: { path: 'a.yaml' } }])).toBe(false);
  });

  it.each([
    ['examples/mistakes', 1],
    ['examples/crisis-line', 0],
  ])('check %s --format gitlab validates, one issue per finding with unique fingerprints', async (example, code) => {
    const r = await run(['check', example, '--format', 'gitlab'], ROOT);
    expect(r.code).toBe(code);
    const issues = JSON.parse(r.stdout) as CodeQualityIssue[];
    expect(validate(issues), JSON.stringify(validate.errors)).toBe(true);
    const json = JSON.parse((await run(['check', example, '--format', 'json'], ROOT)).stdout) as { findings: unknown[] };
    expect(issues).toHaveLength(json.findings.length);
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    for (const issue of issues) expect(issue.location.path.startsWith(`${example}/`), issue.location.path).toBe(true);
  });
});
