/**
 * The CI recipes users copy (docs/ci.md, .pre-commit-hooks.yaml), tested as far as a machine
 * without GitHub or GitLab allows: the workflow and jobs are parsed and their structure checked;
 * every `shiftready …` command on the page runs against the bundled examples; the workflow's and
 * the GitLab job's scripts run in scratch git repositories the way the runners would (step
 * conditions, continue-on-error, the job summary file); the pull-request comment script runs
 * against a fake GitHub API; the plain git hook guards real commits; and `--format github` output
 * is parsed the way the Actions runner parses workflow commands.
 *
 * What runs where: the documented commands and single CLI runs run in-process (`runCli`, through
 * `cli()` in helpers.ts). The scripts run through bash with the built CLI installed as
 * node_modules/.bin/shiftready (the bundle, through its shebang) in a few real cases: the
 * workflow on a clean and on a failing pull request, the GitLab merge-request job, the local
 * pre-commit hook and the plain git hook. The other workflow and GitLab scenarios, which differ
 * in step conditions and exit codes, run their script lines in-process (runScriptLines). `npx` in
 * the scripts is a stand-in that runs node_modules/.bin/shiftready, as npx does after `npm ci`,
 * without npm's start-up.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse as parseYaml, parseDocument } from 'yaml';
import { builtFile } from '../built.js';
import { cli, skipNote } from '../helpers.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = builtFile('dist/shiftready.mjs').pathname;
const DOC_PATH = join(ROOT, 'docs', 'ci.md');
const DOC = readFileSync(DOC_PATH, 'utf8');
const CRISIS = 'examples/crisis-line';
const MISTAKES = 'examples/mistakes';
/** Pinned "now" (the commands on the page take none): the mistakes example's findings depend on it. */
const NOW = '2026-01-05T12:00';

/** git in scratch repositories only, isolated from the machine's global and system settings. */
const GIT_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  SHIFTREADY_NOW: NOW,
};

const scratchDirs: string[] = [];
function scratch(prefix: string): string {
  const dir = mkdtempSync(join(inject('tempRoot') ?? tmpdir(), `shiftready-ci-${prefix}-`));
  scratchDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}:\n${run.stderr}`);
  return run.stdout;
}

interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `shiftready <argv>` in-process in `cwd`, with the tests' pinned now. */
async function shiftready(argv: readonly string[], cwd: string): Promise<CliResult> {
  const { code, stdout, stderr } = await cli([...argv], cwd, GIT_ENV);
  return { status: code, stdout, stderr };
}

/**
 * A directory for the front of PATH whose `npx` runs the repository's node_modules/.bin/shiftready,
 * which is what `npx shiftready` does after `npm ci`; anything else is refused.
 */
let npxDir = '';
function npxOnPath(): string {
  if (!npxDir) {
    npxDir = scratch('npx');
    writeFileSync(
      join(npxDir, 'npx'),
      '#!/bin/sh\nif [ "$1" = shiftready ]; then shift; exec ./node_modules/.bin/shiftready "$@"; fi\necho "npx $1: only shiftready is installed in these tests" >&2\nexit 127\n',
    );
    chmodSync(join(npxDir, 'npx'), 0o755);
  }
  return `${npxDir}:${process.env['PATH'] ?? ''}`;
}

/** Copies a bundled example (without its README) to `dest`. */
function copyExample(example: string, dest: string): void {
  cpSync(join(ROOT, example), dest, { recursive: true, filter: (src) => !src.endsWith('README.md') });
}

/** A "repository" with shiftready installed as a devDependency: node_modules/.bin/shiftready is the built CLI. */
function installShiftready(repo: string): void {
  mkdirSync(join(repo, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(CLI, join(repo, 'node_modules', '.bin', 'shiftready'));
  writeFileSync(join(repo, '.gitignore'), 'node_modules/\n');
}

/** Ends the 22:00 evening text shift at 20:00: a change `diff` must see. */
function shortenTextEvening(configDir: string): void {
  const file = join(configDir, 'shifts', 'sms.yaml');
  const text = readFileSync(file, 'utf8');
  const changed = text.replace(/(- id: text-evening[\s\S]*?end: )"22:00"/, '$1"20:00"');
  expect(changed, 'the crisis-line example changed: update shortenTextEvening').not.toBe(text);
  writeFileSync(file, changed);
}

// --- Reading docs/ci.md ----------------------------------------------------------------------

interface Block {
  lang: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
}

/** Fenced code blocks, also indented ones inside list items (the indentation is removed). */
function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const indent = open[1] ?? '';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j] ?? ''); j++)
      body.push((lines[j] ?? '').startsWith(indent) ? (lines[j] ?? '').slice(indent.length) : (lines[j] ?? ''));
    if (j >= lines.length) throw new Error(`unclosed code block at docs/ci.md:${i + 1}`);
    blocks.push({ lang: open[2] ?? '', text: `${body.join('\n')}\n`, line: i + 1 });
    i = j;
  }
  return blocks;
}

const BLOCKS = fencedBlocks(DOC);
const YAML_BLOCKS = BLOCKS.filter((b) => b.lang === 'yaml');

/** The yaml block whose first line names the file it is, e.g. `# .gitlab-ci.yml`. */
function blockFor(file: string, predicate: (parsed: unknown) => boolean = () => true): Block {
  const found = YAML_BLOCKS.filter((b) => b.text.split('\n')[0] === `# ${file}` && predicate(parseYaml(b.text)));
  expect(found.length, `one yaml block in docs/ci.md starting with "# ${file}"`).toBeGreaterThanOrEqual(1);
  return found[0]!;
}

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  'continue-on-error'?: boolean;
}
interface Workflow {
  name?: string;
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}
interface GitlabJob {
  image: string;
  rules?: { if: string }[];
  script: string[];
  artifacts: { when?: string; expose_as?: string; paths?: string[]; reports?: { junit?: string; codequality?: string } };
}

const WORKFLOW = parseYaml(blockFor('.github/workflows/shiftready.yml').text) as Workflow;
const JOB_STEPS = Object.values(WORKFLOW.jobs)[0]?.steps ?? [];
const GITLAB = parseYaml(blockFor('.gitlab-ci.yml').text) as Record<string, GitlabJob>;
const GITLAB_DIFF = (parseYaml(YAML_BLOCKS.find((b) => /^shiftready-diff:/m.test(b.text))?.text ?? '{}') as Record<string, GitlabJob>)[
  'shiftready-diff'
];

function stepRunning(pattern: RegExp): Step {
  const step = JOB_STEPS.find((s) => s.run !== undefined && pattern.test(s.run));
  expect(step, `a workflow step whose run matches ${pattern}`).toBeDefined();
  return step!;
}
function stepUsing(action: string): Step {
  const step = JOB_STEPS.find((s) => s.uses?.startsWith(`${action}@`));
  expect(step, `a workflow step using ${action}`).toBeDefined();
  return step!;
}
/** The value of `--flag VALUE` in a command line. */
function flag(command: string, name: string): string | undefined {
  return new RegExp(`${name}\\s+(\\S+)`).exec(command)?.[1];
}

/** The file of `--format FORMAT=FILE` in a command line. */
function formatFile(command: string, format: string): string | undefined {
  return new RegExp(`(?:--format|-f)\\s+${format}=(\\S+)`).exec(command)?.[1];
}

/** Every output of a command: `--format F[=FILE]` (none: the command's default) and where each goes (`--out` takes the one without a file). */
function outputsOf(argv: readonly string[]): { format: string; file?: string }[] {
  const out = flag(argv.join(' '), '(?:--out|-o)');
  const outputs: { format: string; file?: string }[] = [];
  argv.forEach((a, i) => {
    if (a !== '--format' && a !== '-f') return;
    const [format = '', file] = (argv[i + 1] ?? '').split('=');
    outputs.push(file === undefined ? { format, ...(out ? { file: out } : {}) } : { format, file });
  });
  if (outputs.length === 0) outputs.push({ format: argv[0] === 'check' ? 'stylish' : 'text', ...(out ? { file: out } : {}) });
  return outputs;
}

/** Splits a command line into words, stopping at the first unquoted shell operator or comment. */
function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | null = null;
  for (const c of command) {
    if (quote) {
      if (c === quote) quote = null;
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else if ('>|&;'.includes(c) || (c === '#' && !inWord)) {
      break;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unbalanced quote in: ${command}`);
  if (inWord) words.push(word);
  return words;
}

interface DocCommand {
  /** Where it is: docs/ci.md:LINE. */
  where: string;
  /** The command as written, from `shiftready` on. */
  source: string;
}

/**
 * Every shiftready command line on the page: in code blocks, a `shiftready` run through npx, as a
 * pre-commit `entry:` or from node_modules/.bin; in the prose, inline code starting with `npx shiftready`.
 */
function docCommands(): DocCommand[] {
  const commands: DocCommand[] = [];
  const invocation = /(?:\bnpx\s+|node_modules\/\.bin\/|\bentry:\s+)(shiftready\s+\S.*)$/;
  for (const block of BLOCKS) {
    block.text.split('\n').forEach((line, k) => {
      const m = invocation.exec(line);
      if (m?.[1]) commands.push({ where: `docs/ci.md:${block.line + 1 + k}`, source: m[1] });
    });
  }
  const prose = DOC.replace(/^\s*```[\s\S]*?^\s*```\s*$/gm, (b) => b.replace(/[^\n]/g, ' '));
  prose.split('\n').forEach((line, k) => {
    for (const m of line.matchAll(/`npx (shiftready [^`]+)`/g)) if (m[1]) commands.push({ where: `docs/ci.md:${k + 1}`, source: m[1] });
  });
  return commands;
}

/**
 * A documented command as it runs in the tests: `config/` is the example's directory, the base
 * branch of a pull request or merge request is `main` of the scratch repository's origin.
 */
function substitute(source: string, configDir: string): string[] {
  const text = source
    .replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, 'main')
    .replace(/\$CI_MERGE_REQUEST_TARGET_BRANCH_NAME\b/g, 'main')
    .replace(/(^|\s)config\/(?=\s|$)/g, `$1${configDir}`);
  const words = shellWords(text);
  for (const w of words) expect(w, `a variable left in: ${source}`).not.toMatch(/\$/);
  expect(words[0]).toBe('shiftready');
  return words.slice(1);
}

// --- Checking outputs ------------------------------------------------------------------------

/** A small well-formedness check: tags nest and close, attributes are quoted, text has no stray `<` or `&`. */
function expectWellFormedXml(xml: string): string {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const stack: string[] = [];
  const roots: string[] = [];
  for (const [token] of body.matchAll(/<[^>]*>|[^<]+/g)) {
    if (token.startsWith('<')) {
      const tag = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>$/.exec(token);
      expect(tag, `a malformed tag: ${token}`).not.toBeNull();
      const [, closing, name = '', , selfClosing] = tag!;
      if (closing) expect(stack.pop(), `</${name}> closes the wrong element`).toBe(name);
      else {
        if (stack.length === 0) roots.push(name);
        if (!selfClosing) stack.push(name);
      }
      for (const [, value = ''] of token.matchAll(/="([^"]*)"/g))
        expect(value).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
    } else {
      expect(token).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/);
      if (stack.length === 0) expect(token.trim()).toBe('');
    }
  }
  expect(stack).toEqual([]);
  expect(roots.length).toBe(1);
  return roots[0]!;
}

interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

/**
 * Parses one line the way the Actions runner does (actions/runner ActionCommand.TryParseV2):
 * `::command k=v,k=v::data`, properties split on `,` and the first `=`, then unescaped.
 */
function parseWorkflowCommand(line: string): WorkflowCommand | null {
  const message = line.trimStart();
  if (!message.startsWith('::')) return null;
  const end = message.indexOf('::', 2);
  if (end < 0) return null;
  const info = message.slice(2, end);
  const space = info.indexOf(' ');
  const command = space < 0 ? info : info.slice(0, space);
  const properties: Record<string, string> = {};
  if (space > 0) {
    for (const pair of info
      .slice(space + 1)
      .trim()
      .split(',')
      .filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
  }
  return { command, properties, data: unescapeData(message.slice(end + 2)) };
}
// The runner's unescape order: %0D, %0A (, %3A, %2C), then %25.
function unescapeData(s: string): string {
  return s.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%25', '%');
}
function unescapeProperty(s: string): string {
  return s.replaceAll('%0D', '\r').replaceAll('%0A', '\n').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');
}

const ANNOTATION = /^::(error|warning|notice) file=[^,:\r\n]+,line=\d+,col=\d+,title=[^,:\r\n]+::[^\r\n]*$/;

/** Checks a command's outputs (each file, and stdout) for their formats; returns their contents. */
function expectOutputs(argv: readonly string[], run: { stdout: string }, cwd: string): string[] {
  const outputs = outputsOf(argv);
  if (outputs.every((o) => o.file !== undefined)) expect(run.stdout).toBe('');
  return outputs.map(({ format, file }) => expectOutput(format, file ? readFileSync(join(cwd, file), 'utf8') : run.stdout));
}

/** Checks one output for its format. */
function expectOutput(format: string, content: string): string {
  switch (format) {
    case 'sarif': {
      const sarif = JSON.parse(content) as {
        version: string;
        $schema: string;
        runs: { tool: { driver: { name: string } }; results: unknown[] }[];
      };
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs[0]?.tool.driver.name).toBe('shiftready');
      break;
    }
    case 'junit':
      expect(expectWellFormedXml(content)).toBe('testsuites');
      break;
    case 'json':
      JSON.parse(content);
      break;
    case 'gitlab':
      expect(Array.isArray(JSON.parse(content))).toBe(true);
      break;
    case 'github':
      for (const line of content.split('\n').filter(Boolean)) expect(line).toMatch(ANNOTATION);
      break;
    case 'markdown':
      expect(content).toMatch(/^## \S/);
      break;
    case 'html':
      expect(content).toMatch(/^<!doctype html>[^]*<\/html>\n$/);
      break;
    default:
      expect(content.trim()).not.toBe('');
  }
  return content;
}

// --- The scratch repository for the documented commands ---------------------------------------

/**
 * A clone of a scratch "origin" whose `main` holds both examples; the clone's branch `change`
 * shortens one shift, so `diff --base origin/main` has something to report.
 */
let WORK = '';
beforeAll(() => {
  const base = scratch('commands');
  const origin = join(base, 'origin.git');
  git(base, 'init', '--quiet', '--bare', '-b', 'main', origin);
  const seed = join(base, 'seed');
  git(base, 'init', '--quiet', '-b', 'main', seed);
  copyExample(CRISIS, join(seed, CRISIS));
  copyExample(MISTAKES, join(seed, MISTAKES));
  git(seed, 'add', '.');
  git(seed, 'commit', '--quiet', '-m', 'examples');
  git(seed, 'push', '--quiet', origin, 'main');
  WORK = join(base, 'work');
  git(base, 'clone', '--quiet', origin, WORK);
  git(WORK, 'checkout', '--quiet', '-b', 'change');
  shortenTextEvening(join(WORK, CRISIS));
  git(WORK, 'commit', '--quiet', '-am', 'evening text shift ends at 20:00');
});

describe('docs/ci.md', () => {
  it('has code blocks that parse: every yaml block without errors', () => {
    expect(YAML_BLOCKS.length).toBeGreaterThanOrEqual(6);
    for (const block of YAML_BLOCKS) {
      const doc = parseDocument(block.text);
      expect(
        doc.errors.map((e) => e.message),
        `yaml block at docs/ci.md:${block.line}`,
      ).toEqual([]);
    }
  });

  it('is linked from the README\'s "In CI" section', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = /## In CI\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    expect(section).toContain('](docs/ci.md)');
  });
});

describe('the GitHub Actions workflow', () => {
  it('runs on pull requests and pushes, with the permissions its steps need and no more', () => {
    expect(Object.keys(WORKFLOW.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(WORKFLOW.permissions).toEqual({ contents: 'read', 'security-events': 'write', 'pull-requests': 'write', actions: 'read' });
    expect(Object.keys(WORKFLOW.jobs)).toHaveLength(1);
  });

  it('checks out the whole history, sets up Node 20 and installs with npm ci', () => {
    const checkout = stepUsing('actions/checkout');
    expect(checkout.with?.['fetch-depth']).toBe(0);
    const node = stepUsing('actions/setup-node');
    expect(Number(node.with?.['node-version'])).toBeGreaterThanOrEqual(20);
    expect(stepRunning(/^npm ci$/).id).toBe('install');
    for (const step of JOB_STEPS.filter((s) => s.uses)) expect(step.uses).toMatch(/^[\w.-]+\/[\w./-]+@v\d+$/);
  });

  it('lets one step decide the job: the one check run, with no condition and no continue-on-error', () => {
    const check = stepRunning(/shiftready check config\/ --format github /);
    expect(JOB_STEPS.filter((s) => /shiftready check/.test(s.run ?? ''))).toEqual([check]);
    expect(check.if).toBeUndefined();
    expect(check['continue-on-error']).toBeUndefined();
    const install = JOB_STEPS.findIndex((s) => s.id === 'install');
    expect(JOB_STEPS.indexOf(check)).toBe(install + 1);
    // Every later step still runs after a failed check, and none can fail the job.
    for (const step of JOB_STEPS.slice(JOB_STEPS.indexOf(check) + 1)) {
      expect(step.if, step.name).toMatch(/!cancelled\(\)|always\(\)/);
      expect(step['continue-on-error'], step.name).toBe(true);
    }
  });

  it('writes the HTML coverage page and keeps it with upload-artifact', () => {
    const page = stepRunning(/--format html/);
    const file = flag(page.run!, '--out');
    expect(file).toBe('shiftready-report.html');
    const upload = stepUsing('actions/upload-artifact');
    expect(upload.with?.['path']).toBe(file);
    expect(upload.if).toContain(`hashFiles('${file}')`);
    expect(JOB_STEPS.indexOf(upload)).toBeGreaterThan(JOB_STEPS.indexOf(page));
  });

  it('writes SARIF in the check step and uploads that file with upload-sarif', () => {
    const sarifStep = stepRunning(/--format sarif=/);
    expect(sarifStep.id).toBe('check');
    const file = formatFile(sarifStep.run!, 'sarif');
    expect(file).toBe('shiftready.sarif');
    const upload = stepUsing('github/codeql-action/upload-sarif');
    expect(upload.with?.['sarif_file']).toBe(file);
    expect(upload.if).toContain(`hashFiles('${file}')`);
    expect(JOB_STEPS.indexOf(upload)).toBeGreaterThan(JOB_STEPS.indexOf(sarifStep));
  });

  it("appends the check's findings table and the coverage report in markdown to the job summary", () => {
    const summary = stepRunning(/shiftready report/);
    expect(summary.run).toMatch(/shiftready report config\/ --format markdown >> "\$GITHUB_STEP_SUMMARY"/);
    const table = formatFile(stepRunning(/shiftready check/).run!, 'markdown');
    expect(table).toBe('shiftready-check.md');
    expect(summary.run).toContain(`cat ${table} >> "$GITHUB_STEP_SUMMARY"`);
  });

  it('on pull requests, compares with the base branch and comments the change with github-script', () => {
    const diffStep = stepRunning(/shiftready diff/);
    expect(diffStep.if).toContain("github.event_name == 'pull_request'");
    expect(diffStep.run).toContain('npx shiftready diff --base origin/${{ github.base_ref }} config/ --format markdown');
    const file = flag(diffStep.run!, '--out');
    expect(file).toBe('shiftready-diff.md');
    const comment = stepUsing('actions/github-script');
    expect(comment.if).toContain(`hashFiles('${file}')`);
    expect(comment.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
    expect(String(comment.with?.['script'])).toContain(`readFileSync('${file}'`);
  });
});

describe('every shiftready command in docs/ci.md', () => {
  const commands = docCommands();

  it('is found: the commands the recipes rely on are all there', () => {
    const sources = commands.map((c) => c.source);
    for (const expected of [
      'shiftready check config/ --format github --format sarif=shiftready.sarif --format markdown=shiftready-check.md',
      'shiftready report config/ --format markdown >> "$GITHUB_STEP_SUMMARY"',
      'shiftready diff --base origin/${{ github.base_ref }} config/ --format markdown --out shiftready-diff.md',
      'shiftready check config/ --format stylish --format junit=shiftready-junit.xml --format gitlab=gl-code-quality.json',
      'shiftready report config/ --format markdown --out shiftready-report.md || true',
      'shiftready report config/ --format html --out shiftready-report.html',
      'shiftready report config/ --format html --out shiftready-report.html || true',
      'shiftready check config/',
    ]) {
      expect(sources).toContain(expected);
    }
  });

  it.each(commands.map((c) => [c.where, c.source] as const))(
    '%s `%s` runs on the crisis-line example with exit code 0 and produces its output',
    async (_where, source) => {
      const argv = substitute(source, CRISIS);
      for (const { file } of outputsOf(argv)) if (file) rmSync(join(WORK, file), { force: true });
      const run = await shiftready(argv, WORK);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const [output] = expectOutputs(argv, run, WORK);
      if (argv[0] === 'diff') {
        expect(output).toContain('`text-evening`');
        expect(output).toContain('origin/main');
      }
    },
  );

  it.each(commands.map((c) => [c.where, c.source] as const))(
    '%s `%s` on the mistakes example exits 1, and a check still writes its output',
    async (_where, source) => {
      const argv = substitute(source, MISTAKES);
      const files = outputsOf(argv).flatMap((o) => (o.file ? [o.file] : []));
      for (const file of files) rmSync(join(WORK, file), { force: true });
      const run = await shiftready(argv, WORK);
      expect(run.status).toBe(1);
      if (argv[0] === 'check') {
        for (const output of expectOutputs(argv, run, WORK)) expect(output).toContain('override-not-permitted');
      } else {
        // report, holidays and diff refuse a configuration with errors, and say so.
        expect(run.stderr).toContain('the configuration has errors');
        for (const file of files) expect(existsSync(join(WORK, file))).toBe(false);
      }
    },
  );
});

// --- Running the workflow's steps the way the runner would --------------------------------------

interface FakeComment {
  id: number;
  user: { login: string; type: 'Bot' | 'User' };
  body: string;
}

/** A fake of the parts of github-script's `github` client the comment script may use. */
function fakeGitHub(comments: FakeComment[]) {
  let nextId = 100 + comments.length;
  const rest = {
    issues: {
      listComments: async (params: { issue_number: number; per_page?: number }) => {
        expect(params.issue_number).toBe(7);
        return { data: comments.map((c) => ({ ...c })) };
      },
      createComment: async (params: { owner: string; repo: string; issue_number: number; body: string }) => {
        expect(params).toMatchObject({ owner: 'helpline', repo: 'shifts', issue_number: 7 });
        comments.push({ id: nextId++, user: { login: 'github-actions[bot]', type: 'Bot' }, body: params.body });
        return { data: comments.at(-1) };
      },
      updateComment: async (params: { owner: string; repo: string; comment_id: number; body: string }) => {
        const comment = comments.find((c) => c.id === params.comment_id);
        expect(comment, `comment ${params.comment_id} exists`).toBeDefined();
        comment!.body = params.body;
        return { data: comment };
      },
    },
  };
  return {
    rest,
    paginate: async <P>(method: (params: P) => Promise<{ data: unknown[] }>, params: P) => (await method(params)).data,
  };
}

type AsyncFn = (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (...params: string[]) => AsyncFn;

/** Runs a github-script `script` as the action does: an async function body with require, github, context and core. */
async function runGithubScript(script: string, workspace: string, comments: FakeComment[]): Promise<void> {
  const requireInWorkspace = (name: string) => {
    expect(['fs', 'node:fs']).toContain(name);
    return { readFileSync: (path: string, encoding: BufferEncoding) => readFileSync(resolve(workspace, path), encoding) };
  };
  const context = { repo: { owner: 'helpline', repo: 'shifts' }, issue: { owner: 'helpline', repo: 'shifts', number: 7 } };
  const core = {
    info: () => undefined,
    warning: () => undefined,
    setFailed: (message: string) => {
      throw new Error(`setFailed: ${message}`);
    },
  };
  await new AsyncFunction('require', 'github', 'context', 'core', script)(requireInWorkspace, fakeGitHub(comments), context, core);
}

type Scenario = { event: 'pull_request' | 'push'; sameRepository: boolean };

/**
 * Evaluates the workflow's `if:` expressions for a scenario: the status functions, step outcomes,
 * the event, `hashFiles` on the workspace. Any other term fails the test, so a new condition in
 * the docs gets a decision here too.
 */
function evaluateIf(
  expression: string | undefined,
  state: { failed: boolean; outcomes: Record<string, string>; workspace: string; scenario: Scenario },
): boolean {
  if (expression === undefined) return !state.failed; // success()
  let js = expression.replace(/^\$\{\{\s*([\s\S]*?)\s*\}\}$/, '$1');
  js = js
    .replace(/!cancelled\(\)/g, 'true')
    .replace(/always\(\)/g, 'true')
    .replace(/success\(\)/g, String(!state.failed))
    .replace(/failure\(\)/g, String(state.failed))
    .replace(/steps\.([\w-]+)\.outcome\s*==\s*'(\w+)'/g, (_m, id: string, outcome: string) => String(state.outcomes[id] === outcome))
    .replace(/github\.event_name\s*==\s*'(\w+)'/g, (_m, event: string) => String(state.scenario.event === event))
    .replace(
      /github\.event\.pull_request\.head\.repo\.full_name\s*==\s*github\.repository/g,
      String(state.scenario.event === 'pull_request' && state.scenario.sameRepository),
    )
    .replace(/hashFiles\('([^']+)'\)\s*!=\s*''/g, (_m, file: string) => String(existsSync(join(state.workspace, file))));
  expect(js, `a condition this test does not know how to evaluate: ${expression}`).toMatch(/^(true|false|&&|\|\||[\s()!])+$/);
  return Boolean(new Function(`return (${js});`)());
}

/** Where a scenario runs its scripts: bash with the built CLI, or line by line in-process. */
type Shell = 'bash' | 'in-process';

/**
 * Runs script lines in-process as a runner's shell would, stopping at the first line that fails
 * (`bash -e`; GitLab's lines each on their own, `set -eo pipefail`). The lines may only be what the
 * recipes use besides bash-only ones: `npx shiftready ARGS`, then optionally `>> "$GITHUB_STEP_SUMMARY"`
 * and `|| true`, or `cat FILE >> "$GITHUB_STEP_SUMMARY"`. Any other line fails the test: run that
 * scenario through bash instead.
 */
async function runScriptLines(
  lines: readonly string[],
  cwd: string,
  summaryFile?: string,
): Promise<{ exitCode: number; stdout: string; lines: { line: string; exitCode: number }[] }> {
  let stdout = '';
  const ran: { line: string; exitCode: number }[] = [];
  for (const line of lines.map((l) => l.trim()).filter(Boolean)) {
    const m = /^(?:npx (shiftready .+?)|cat (\S+))(\s*>>\s*"\$GITHUB_STEP_SUMMARY")?(\s*\|\|\s*true)?$/.exec(line);
    expect(m, `a script line this test runs only through bash: ${line}`).not.toBeNull();
    const [, command, catFile, toSummary, orTrue] = m!;
    let output = '';
    let exitCode = 0;
    if (command) {
      const words = shellWords(command);
      expect(command, `a variable this test expands only through bash: ${line}`).not.toContain('$');
      expect(words.join(' '), `shell syntax this test runs only through bash: ${line}`).toBe(command.replace(/["']/g, ''));
      const run = await shiftready(words.slice(1), cwd);
      output = run.stdout;
      exitCode = run.status;
    } else if (existsSync(join(cwd, catFile!))) output = readFileSync(join(cwd, catFile!), 'utf8');
    else exitCode = 1;
    if (toSummary) {
      expect(summaryFile, `no $GITHUB_STEP_SUMMARY for: ${line}`).toBeDefined();
      writeFileSync(summaryFile!, output, { flag: 'a' });
    } else stdout += output;
    if (orTrue) exitCode = 0;
    ran.push({ line, exitCode });
    if (exitCode !== 0) return { exitCode, stdout, lines: ran };
  }
  return { exitCode: 0, stdout, lines: ran };
}

interface StepResult {
  step: Step;
  ran: boolean;
  exitCode?: number;
  stdout?: string;
  summary?: string;
}

/**
 * Runs the workflow's steps in a workspace: `run:` scripts through `bash -e` as the runner does, or
 * line by line in-process (with ${{ github.base_ref }} set to main, a GITHUB_STEP_SUMMARY file per
 * step, npx running the repository's own shiftready), upload-sarif as a check of its input,
 * github-script against a fake API. Returns each step's result and whether the job failed.
 */
async function runWorkflow(
  workspace: string,
  scenario: Scenario,
  comments: FakeComment[],
  shell: Shell,
): Promise<{ results: StepResult[]; failed: boolean }> {
  const state = { failed: false, outcomes: {} as Record<string, string>, workspace, scenario };
  const results: StepResult[] = [];
  const runnerTemp = scratch('runner');
  for (const [index, step] of JOB_STEPS.entries()) {
    if (!evaluateIf(step.if, state)) {
      if (step.id) state.outcomes[step.id] = 'skipped';
      results.push({ step, ran: false });
      continue;
    }
    let exitCode = 0;
    let stdout = '';
    let summary = '';
    if (step.run !== undefined) {
      if (step.run === 'npm ci') {
        exitCode = 0; // the workspace already has shiftready in node_modules
      } else {
        const script = step.run.replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, 'main');
        expect(script, `an expression this test does not substitute in: ${step.run}`).not.toContain('${{');
        const summaryFile = join(runnerTemp, `step_summary_${index}`);
        writeFileSync(summaryFile, '');
        if (shell === 'bash') {
          const scriptFile = join(runnerTemp, `step_${index}.sh`);
          writeFileSync(scriptFile, script);
          const run = spawnSync('bash', ['-e', scriptFile], {
            cwd: workspace,
            env: {
              ...GIT_ENV,
              PATH: npxOnPath(),
              GITHUB_STEP_SUMMARY: summaryFile,
              GITHUB_OUTPUT: join(runnerTemp, 'output'),
              GITHUB_WORKSPACE: workspace,
              CI: 'true',
            },
            encoding: 'utf8',
          });
          exitCode = run.status ?? 1;
          stdout = run.stdout;
        } else {
          ({ exitCode, stdout } = await runScriptLines(script.split('\n'), workspace, summaryFile));
        }
        summary = readFileSync(summaryFile, 'utf8');
      }
    } else if (step.uses?.startsWith('github/codeql-action/upload-sarif@')) {
      const sarif = JSON.parse(readFileSync(join(workspace, String(step.with?.['sarif_file'])), 'utf8')) as { version: string };
      exitCode = sarif.version === '2.1.0' ? 0 : 1;
    } else if (step.uses?.startsWith('actions/upload-artifact@')) {
      // The runner uploads the file; here it must exist and be the coverage page.
      const file = join(workspace, String(step.with?.['path']));
      exitCode = existsSync(file) && readFileSync(file, 'utf8').startsWith('<!doctype html>') ? 0 : 1;
    } else if (step.uses?.startsWith('actions/github-script@')) {
      await runGithubScript(String(step.with?.['script']), workspace, comments);
    } else {
      expect(step.uses, 'a step this test cannot simulate').toMatch(/^actions\/(checkout|setup-node)@/);
    }
    if (step.id) state.outcomes[step.id] = exitCode === 0 ? 'success' : 'failure';
    if (exitCode !== 0 && step['continue-on-error'] !== true) state.failed = true;
    results.push({ step, ran: true, exitCode, stdout, summary });
  }
  return { results, failed: state.failed };
}

/** The pull request's change: the mistakes example in place of the crisis line. */
function replaceWithMistakes(configDir: string): void {
  rmSync(configDir, { recursive: true });
  copyExample(MISTAKES, configDir);
}

/** A pull request that changes nothing. */
function noChange(): void {}

/** The scratch "origin" of each kind of pull request, made once: scenarios only clone and fetch it. */
const origins = new Map<(configDir: string) => void, string>();

/** A repository as actions/checkout with fetch-depth 0 leaves it: all branches as origin/*, the PR branch checked out. */
function pullRequestWorkspace(changeConfig: (configDir: string) => void): string {
  const origin = origins.get(changeConfig) ?? pullRequestOrigin(changeConfig);
  origins.set(changeConfig, origin);
  const workspace = join(scratch('workflow'), 'workspace');
  git(dirname(workspace), 'clone', '--quiet', '--branch', 'feature', origin, workspace);
  installShiftready(workspace);
  return workspace;
}

/** A bare repository whose `main` holds the crisis-line example as config/, and `feature` the change. */
function pullRequestOrigin(changeConfig: (configDir: string) => void): string {
  const base = scratch('origin');
  const origin = join(base, 'origin.git');
  git(base, 'init', '--quiet', '--bare', '-b', 'main', origin);
  const seed = join(base, 'seed');
  git(base, 'init', '--quiet', '-b', 'main', seed);
  copyExample(CRISIS, join(seed, 'config'));
  git(seed, 'add', '.');
  git(seed, 'commit', '--quiet', '-m', 'config');
  git(seed, 'checkout', '--quiet', '-b', 'feature');
  changeConfig(join(seed, 'config'));
  git(seed, 'add', '-A');
  git(seed, 'commit', '--quiet', '--allow-empty', '-m', 'change');
  git(seed, 'push', '--quiet', origin, 'main', 'feature');
  return origin;
}

/** The result of the first step whose run (or uses) matches. */
const stepResult = (run: { results: StepResult[] }, pattern: RegExp) =>
  run.results.find((r) => pattern.test(r.step.run ?? r.step.uses ?? ''));

describe('the workflow, run step by step', () => {
  it('on a pull request with a clean configuration: passes, uploads SARIF, fills the summary and comments the change once', async () => {
    const workspace = pullRequestWorkspace(shortenTextEvening);
    const comments: FakeComment[] = [
      { id: 1, user: { login: 'someone', type: 'User' }, body: 'Looks good. <!-- shiftready-diff --> quoted' },
    ];
    const run = await runWorkflow(workspace, { event: 'pull_request', sameRepository: true }, comments, 'bash');

    expect(run.failed).toBe(false);
    expect(run.results.every((r) => r.ran)).toBe(true);
    expect(run.results.filter((r) => r.exitCode !== 0)).toEqual([]);
    expect(stepResult(run, /--format github/)?.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(workspace, 'shiftready.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
    // The coverage page is written and kept as an artifact.
    expect(stepResult(run, /upload-artifact/)).toMatchObject({ ran: true, exitCode: 0 });

    const summaries = run.results.map((r) => r.summary ?? '').join('');
    expect(summaries).toContain('## shiftready check');
    expect(summaries).toContain('no problems');
    expect(summaries).toContain('## Coverage report');
    expect(summaries).toContain('## shiftready: coverage change');
    expect(summaries).toContain('`text-evening`');

    // One new comment by the bot, with the marker first; the human's comment is left alone.
    expect(comments).toHaveLength(2);
    expect(comments[0]!.body).toBe('Looks good. <!-- shiftready-diff --> quoted');
    expect(comments[1]!.body.startsWith('<!-- shiftready-diff -->\n## shiftready: coverage change')).toBe(true);

    // The next push edits that comment instead of adding one.
    writeFileSync(join(workspace, 'shiftready-diff.md'), '## shiftready: coverage change\n\nsecond push\n');
    await runGithubScript(String(stepUsing('actions/github-script').with?.['script']), workspace, comments);
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body).toBe('<!-- shiftready-diff -->\n## shiftready: coverage change\n\nsecond push\n');
  });

  it("cuts a comment that would exceed GitHub's 65,536 characters", async () => {
    const workspace = scratch('long-comment');
    writeFileSync(join(workspace, 'shiftready-diff.md'), `## shiftready: coverage change\n\n${'| x | 1.00 h |\n'.repeat(10_000)}`);
    const comments: FakeComment[] = [];
    await runGithubScript(String(stepUsing('actions/github-script').with?.['script']), workspace, comments);
    expect(comments[0]!.body.length).toBeLessThanOrEqual(65_536);
    expect(comments[0]!.body).toContain('the whole change is in the job summary');
  });

  it('on a pull request with errors: only the check step fails the job; SARIF, summary and annotations are still produced', async () => {
    const workspace = pullRequestWorkspace(replaceWithMistakes);
    const comments: FakeComment[] = [];
    const run = await runWorkflow(workspace, { event: 'pull_request', sameRepository: true }, comments, 'bash');

    expect(run.failed).toBe(true);
    const failing = run.results.filter((r) => r.ran && r.exitCode !== 0);
    expect(failing.filter((r) => r.step['continue-on-error'] !== true).map((r) => r.step.id)).toEqual(['check']);
    expect(stepResult(run, /--format github/)?.exitCode).toBe(1);
    const annotations = (stepResult(run, /--format github/)?.stdout ?? '').split('\n').filter(Boolean);
    expect(annotations.length).toBeGreaterThan(10);
    for (const line of annotations) expect(line).toMatch(ANNOTATION);

    // The check step exits 1 (findings) but writes the SARIF file, and the upload still happens.
    expect(stepResult(run, /--format sarif=/)?.exitCode).toBe(1);
    const sarif = JSON.parse(readFileSync(join(workspace, 'shiftready.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0]?.results.length).toBe(annotations.length);
    expect(stepResult(run, /upload-sarif/)?.ran).toBe(true);

    // The summary has every finding (more than the 10 annotations GitHub shows per step); the
    // coverage report and the diff refuse a configuration with errors, so there is no comment.
    const summary = stepResult(run, /shiftready report/)?.summary ?? '';
    expect(summary).toContain('## shiftready check');
    expect((summary.match(/^\| config\//gm) ?? []).length).toBe(annotations.length);
    expect(existsSync(join(workspace, 'shiftready-diff.md'))).toBe(false);
    expect(stepResult(run, /github-script/)?.ran).toBe(false);
    expect(comments).toEqual([]);
    // Nor a coverage page: nothing to upload.
    expect(existsSync(join(workspace, 'shiftready-report.html'))).toBe(false);
    expect(stepResult(run, /upload-artifact/)?.ran).toBe(false);
  });

  it('on a push: no coverage change and no comment', async () => {
    const workspace = pullRequestWorkspace(shortenTextEvening);
    const run = await runWorkflow(workspace, { event: 'push', sameRepository: true }, [], 'in-process');
    expect(run.failed).toBe(false);
    expect(stepResult(run, /shiftready diff/)?.ran).toBe(false);
    expect(stepResult(run, /github-script/)?.ran).toBe(false);
    expect(stepResult(run, /upload-sarif/)?.ran).toBe(true);
  });

  it('on a pull request from a fork: the change goes to the summary, and no comment is tried', async () => {
    const workspace = pullRequestWorkspace(shortenTextEvening);
    const run = await runWorkflow(workspace, { event: 'pull_request', sameRepository: false }, [], 'in-process');
    expect(run.failed).toBe(false);
    expect(stepResult(run, /shiftready diff/)?.summary).toContain('`text-evening`');
    expect(stepResult(run, /github-script/)?.ran).toBe(false);
  });

  it('the documented alternative to fetch-depth 0 (fetching only the base branch) is enough for diff', async () => {
    const fetchBlock = YAML_BLOCKS.map((b) => parseYaml(b.text) as unknown).find(
      (v): v is Step[] =>
        Array.isArray(v) && typeof (v[0] as Step | undefined)?.run === 'string' && (v[0] as Step).run!.startsWith('git fetch'),
    );
    expect(fetchBlock).toBeDefined();
    const fetch = fetchBlock![0]!.run!.replace(/\$\{\{\s*github\.base_ref\s*\}\}/g, 'main');
    const full = pullRequestWorkspace(shortenTextEvening);
    const origin = git(full, 'remote', 'get-url', 'origin').trim();
    const shallow = join(resolve(full, '..'), 'shallow');
    git(resolve(full, '..'), 'clone', '--quiet', '--depth=1', '--single-branch', '--branch', 'feature', `file://${origin}`, shallow);
    expect((await shiftready(['diff', '--base', 'origin/main', 'config/'], shallow)).status).toBe(2);
    expect(spawnSync('bash', ['-e', '-c', fetch], { cwd: shallow, env: GIT_ENV, encoding: 'utf8' }).status).toBe(0);
    const run = await shiftready(['diff', '--base', 'origin/main', 'config/', '--format', 'markdown'], shallow);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('`text-evening`');
  });
});

// --- GitLab CI ------------------------------------------------------------------------------

/** Runs a GitLab job's script lines in order, stopping at the first that fails, as the runner does: through bash or in-process. */
async function runGitlabScript(
  job: GitlabJob,
  workspace: string,
  shell: Shell,
  env: NodeJS.ProcessEnv = {},
): Promise<{ exitCode: number; lines: { line: string; exitCode: number }[] }> {
  const script = job.script.filter((line) => !line.startsWith('npm ci')); // shiftready is already in node_modules
  if (shell === 'in-process') return runScriptLines(script, workspace);
  const lines: { line: string; exitCode: number }[] = [];
  for (const line of script) {
    const run = spawnSync('bash', ['-c', `set -eo pipefail\n${line}`], {
      cwd: workspace,
      env: { ...GIT_ENV, PATH: npxOnPath(), CI: 'true', ...env },
      encoding: 'utf8',
    });
    lines.push({ line, exitCode: run.status ?? 1 });
    if (run.status !== 0) return { exitCode: run.status ?? 1, lines };
  }
  return { exitCode: 0, lines };
}

describe('the GitLab CI job', () => {
  const job = GITLAB['shiftready'];

  it('reports the check as Code Quality and JUnit from one run, keeps the artifacts when it fails, and exposes the coverage report', () => {
    expect(job).toBeDefined();
    expect(job!.image).toMatch(/^node:(2\d|[3-9]\d)/);
    expect(job!.script[0]).toMatch(/^npm ci\b/);
    const check = job!.script.at(-1)!;
    expect(check).toBe(
      'npx shiftready check config/ --format stylish --format junit=shiftready-junit.xml --format gitlab=gl-code-quality.json',
    );
    expect(job!.script.filter((l) => l.includes('shiftready check'))).toEqual([check]);
    expect(job!.artifacts.reports?.junit).toBe(formatFile(check, 'junit'));
    expect(job!.artifacts.reports?.codequality).toBe(formatFile(check, 'gitlab'));
    expect(job!.artifacts.when).toBe('always');
    const report = job!.script.find((l) => l.includes('shiftready report'))!;
    expect(job!.artifacts.paths).toContain(flag(report, '--out'));
    expect(job!.artifacts.expose_as).toBeTruthy();
  });

  it('passes on a clean configuration with both artifacts written', async () => {
    const workspace = pullRequestWorkspace(noChange);
    const run = await runGitlabScript(job!, workspace, 'in-process');
    expect(run.exitCode).toBe(0);
    expect(expectWellFormedXml(readFileSync(join(workspace, job!.artifacts.reports!.junit!), 'utf8'))).toBe('testsuites');
    expect(JSON.parse(readFileSync(join(workspace, job!.artifacts.reports!.codequality!), 'utf8'))).toEqual([]);
    const paths = job!.artifacts.paths ?? [];
    expect(paths.map((p) => p.replace(/.*\./, ''))).toEqual(['md', 'html']);
    for (const path of paths)
      expect(readFileSync(join(workspace, path), 'utf8')).toMatch(
        path.endsWith('.html') ? /^<!doctype html>[^]*<h2>Coverage<\/h2>/ : /^## Coverage report/,
      );
  });

  it('fails on errors because of the check, and the JUnit report lists every finding', async () => {
    const workspace = pullRequestWorkspace(replaceWithMistakes);
    const run = await runGitlabScript(job!, workspace, 'in-process');
    expect(run.exitCode).toBe(1);
    expect(run.lines.at(-1)?.line).toBe(job!.script.at(-1));
    expect(run.lines.slice(0, -1).every((l) => l.exitCode === 0)).toBe(true);
    const junit = readFileSync(join(workspace, job!.artifacts.reports!.junit!), 'utf8');
    expectWellFormedXml(junit);
    const failures = Number(/<testsuites [^>]*failures="(\d+)"/.exec(junit)?.[1]);
    const json = JSON.parse((await shiftready(['check', 'config/', '--format', 'json'], workspace)).stdout) as {
      findings: { rule: string; file: string; line: number }[];
      errorCount: number;
      warningCount: number;
    };
    expect(failures).toBe(json.errorCount + json.warningCount);
    // The Code Quality report: one issue per finding, at the same file (from the repository's top) and line.
    const issues = JSON.parse(readFileSync(join(workspace, job!.artifacts.reports!.codequality!), 'utf8')) as {
      check_name: string;
      location: { path: string; lines: { begin: number } };
    }[];
    expect(issues.map((i) => [i.check_name, i.location.path, i.location.lines.begin])).toEqual(
      json.findings.map((f) => [f.rule, f.file, f.line]),
    );
  });

  it('the merge-request diff job fetches the target branch into a shallow clone and writes the change', async () => {
    expect(GITLAB_DIFF).toBeDefined();
    expect(GITLAB_DIFF!.rules?.[0]?.if).toBe('$CI_PIPELINE_SOURCE == "merge_request_event"');
    const full = pullRequestWorkspace(shortenTextEvening);
    const origin = git(full, 'remote', 'get-url', 'origin').trim();
    const shallow = join(resolve(full, '..'), 'mr-clone');
    git(resolve(full, '..'), 'clone', '--quiet', '--depth=1', '--single-branch', '--branch', 'feature', `file://${origin}`, shallow);
    installShiftready(shallow);
    const run = await runGitlabScript(GITLAB_DIFF!, shallow, 'bash', { CI_MERGE_REQUEST_TARGET_BRANCH_NAME: 'main' });
    expect(run.exitCode).toBe(0);
    for (const path of GITLAB_DIFF!.artifacts.paths ?? []) expect(readFileSync(join(shallow, path), 'utf8')).toContain('`text-evening`');
  });
});

// --- pre-commit and the plain git hook --------------------------------------------------------

interface HookDefinition {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  pass_filenames?: boolean;
  args?: string[];
}
interface PreCommitConfig {
  repos: { repo: string; rev?: string; hooks: (Partial<HookDefinition> & { id: string })[] }[];
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
  const hook = hooks.find((h) => h.id === 'shiftready-check')!;
  const userConfig = parseYaml(
    blockFor('.pre-commit-config.yaml', (p) => (p as PreCommitConfig).repos?.[0]?.repo !== 'local').text,
  ) as PreCommitConfig;
  const userHook = userConfig.repos[0]!.hooks.find((h) => h.id === hook.id)!;

  it('defines shiftready-check with the keys pre-commit requires', () => {
    expect(hook).toBeDefined();
    for (const key of ['id', 'name', 'entry', 'language'] as const) expect(typeof hook[key]).toBe('string');
    expect(hook.language).toBe('node');
    expect(hook.entry).toBe('shiftready check');
    // A configuration is spread over files that refer to each other: check the directory, once.
    expect(hook.pass_filenames).toBe(false);
    const files = new RegExp(hook.files!);
    for (const name of ['config/users.yaml', 'config/shifts/chat.yml', 'a.yaml']) expect(name).toMatch(files);
    for (const name of ['package.json', 'config/README.md', 'yaml.txt']) expect(name).not.toMatch(files);
  });

  it('must not be given single files: one file of a configuration is not a configuration', async () => {
    const alone = await shiftready(['check', `${CRISIS}/shifts/sms.yaml`, '--format', 'json'], WORK);
    const rules = new Set((JSON.parse(alone.stdout) as { findings: { rule: string }[] }).findings.map((f) => f.rule));
    expect(alone.status).toBe(1);
    expect([...rules].sort()).toEqual(['schema', 'unknown-reference']);
    expect((await shiftready(['check', CRISIS], WORK)).status).toBe(0);
  });

  it('is what the documented .pre-commit-config.yaml uses, with args naming the config directory', () => {
    expect(userConfig.repos[0]!.repo).toMatch(/^https:\/\//);
    expect(userConfig.repos[0]!.rev).toMatch(/^v\d/);
    expect(userHook.args).toEqual(['config/']);
    const files = new RegExp(userHook.files!);
    expect('config/shifts/sms.yaml').toMatch(files);
    expect('docs/example.yaml').not.toMatch(files);
  });

  it('its entry with the documented args checks a directory: exit 0 on the crisis-line example, 1 on the mistakes', async () => {
    const argv = (args: string[]) => [...hook.entry.split(/\s+/).slice(1), ...args];
    expect(hook.entry.split(/\s+/)[0]).toBe('shiftready');
    const clean = await shiftready(argv(userHook.args!.map((a) => (a === 'config/' ? CRISIS : a))), WORK);
    expect(clean.stdout).toMatch(/^✓ \d+ files checked: no problems/);
    expect(clean.status).toBe(0);
    expect((await shiftready(argv(userHook.args!.map((a) => (a === 'config/' ? MISTAKES : a))), WORK)).status).toBe(1);
    // Without args it checks the repository root.
    const root = scratch('hook-root');
    copyExample(CRISIS, join(root, 'config'));
    expect((await shiftready(argv([]), root)).status).toBe(0);
  });

  it("the documented local hook runs the project's own shiftready", () => {
    const local = parseYaml(
      blockFor('.pre-commit-config.yaml', (p) => (p as PreCommitConfig).repos?.[0]?.repo === 'local').text,
    ) as PreCommitConfig;
    const localHook = local.repos[0]!.hooks[0]!;
    expect(localHook).toMatchObject({ id: 'shiftready-check', language: 'system', pass_filenames: false });
    const repo = scratch('local-hook');
    copyExample(CRISIS, join(repo, 'config'));
    installShiftready(repo);
    const [command, ...args] = localHook.entry!.split(/\s+/);
    const run = spawnSync(command!, args, { cwd: repo, env: GIT_ENV, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('the documented --fix-dry-run hook passes a clean configuration, and fails a fixable one showing the diff, writing nothing', () => {
    const block = YAML_BLOCKS.find((b) => b.text.startsWith('# .pre-commit-config.yaml') && b.text.includes('--fix-dry-run'));
    expect(block, 'a .pre-commit-config.yaml block with check --fix-dry-run').toBeDefined();
    const hook = (parseYaml(block!.text) as PreCommitConfig).repos[0]!.hooks[0]!;
    expect(hook).toMatchObject({ language: 'system', pass_filenames: false });
    const repo = scratch('fix-dry-run-hook');
    copyExample(CRISIS, join(repo, 'config'));
    installShiftready(repo);
    const [command, ...args] = hook.entry!.split(/\s+/);
    const clean = spawnSync(command!, args, { cwd: repo, env: GIT_ENV, encoding: 'utf8' });
    expect(clean.stderr).toBe('');
    expect(clean.status).toBe(0);
    // An unquoted time: a schema error that --fix repairs.
    const file = join(repo, 'config', 'shifts', 'sms.yaml');
    const broken = readFileSync(file, 'utf8').replace('start: "08:00"', 'start: 0800');
    expect(broken).toContain('start: 0800');
    writeFileSync(file, broken);
    const failing = spawnSync(command!, args, { cwd: repo, env: GIT_ENV, encoding: 'utf8' });
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('--- a/config/shifts/sms.yaml\n+++ b/config/shifts/sms.yaml\n');
    expect(failing.stdout).toMatch(/^- {4}start: 0800$/m);
    expect(failing.stdout).toMatch(/^\+ {4}start: "08:00"$/m);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  it("installs under pre-commit: npm runs pack's lifecycle scripts in the background here (.npmrc)", () => {
    // pre-commit takes all that `npm pack` prints as the tarball's name; a foreground `prepare`
    // build prints its banner there and the install fails.
    const npm = spawnSync('npm', ['config', 'get', 'foreground-scripts'], { cwd: ROOT, encoding: 'utf8' });
    expect(npm.stdout.trim()).toBe('false');
  });
});

/**
 * The whole pre-commit flow: install the hook from a git copy of this repository (npm install,
 * npm pack, npm install -g: needs the npm registry and a minute), then commit. Opt in with
 * SHIFTREADY_E2E_PRECOMMIT=1 where `pre-commit` is installed (e.g. Debian's package).
 */
const preCommitSkipped =
  process.env['SHIFTREADY_E2E_PRECOMMIT'] !== '1'
    ? 'opt in with SHIFTREADY_E2E_PRECOMMIT=1'
    : spawnSync('pre-commit', ['--version']).status !== 0
      ? 'SHIFTREADY_E2E_PRECOMMIT=1 but pre-commit is not installed'
      : undefined;
describe.skipIf(preCommitSkipped)(`pre-commit, end to end${skipNote(preCommitSkipped)}`, () => {
  it('installs the hook from the repository and blocks a commit that breaks the configuration', () => {
    const base = scratch('pre-commit');
    const hookRepo = join(base, 'shiftready');
    const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
      .stdout.split('\0')
      .filter(Boolean);
    for (const file of listed) {
      if (!existsSync(join(ROOT, file))) continue;
      mkdirSync(dirname(join(hookRepo, file)), { recursive: true });
      cpSync(join(ROOT, file), join(hookRepo, file));
    }
    git(base, 'init', '--quiet', '-b', 'main', hookRepo);
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '--quiet', '-m', 'shiftready');
    git(hookRepo, 'tag', 'v0.0.0-test');

    const user = join(base, 'user');
    git(base, 'init', '--quiet', '-b', 'main', user);
    copyExample(CRISIS, join(user, 'config'));
    const config = blockFor('.pre-commit-config.yaml', (p) => (p as PreCommitConfig).repos?.[0]?.repo !== 'local').text;
    writeFileSync(
      join(user, '.pre-commit-config.yaml'),
      config.replace(/repo: .*/, `repo: ${hookRepo}`).replace(/rev: .*/, 'rev: v0.0.0-test'),
    );
    const env = { ...GIT_ENV, PRE_COMMIT_HOME: join(base, 'cache') };
    const preCommit = (...args: string[]) => spawnSync('pre-commit', args, { cwd: user, env, encoding: 'utf8', timeout: 300_000 });
    git(user, 'add', '-A');
    const first = preCommit('run', '--all-files');
    expect(first.stdout + first.stderr).toMatch(/shiftready check\.+Passed/);
    expect(first.status).toBe(0);

    shortenTextEvening(join(user, 'config'));
    const sms = join(user, 'config', 'shifts', 'sms.yaml');
    writeFileSync(sms, readFileSync(sms, 'utf8').replace('messaging: sms', 'messaging: chat'));
    git(user, 'add', '-A');
    const second = preCommit('run');
    expect(second.stdout).toContain('shift-type-mismatch');
    expect(second.status).toBe(1);
  }, 600_000);
});

describe('the plain git hook', () => {
  const script = BLOCKS.find((b) => b.lang === 'sh' && b.text.startsWith('#!/bin/sh\n# .githooks/pre-commit'))?.text;

  function hookedRepo(): string {
    const repo = scratch('git-hook');
    git(repo, 'init', '--quiet', '-b', 'main');
    copyExample(CRISIS, join(repo, 'config'));
    installShiftready(repo);
    mkdirSync(join(repo, '.githooks'));
    writeFileSync(join(repo, '.githooks', 'pre-commit'), script!);
    chmodSync(join(repo, '.githooks', 'pre-commit'), 0o755);
    git(repo, 'config', 'core.hooksPath', '.githooks');
    git(repo, 'add', '-A');
    return repo;
  }
  /** Commits; git passes a hook's standard output on as its standard error, so `output` is both. */
  const commit = (repo: string) => {
    const run = spawnSync('git', ['commit', '--quiet', '-m', 'change'], { cwd: repo, env: GIT_ENV, encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr };
  };
  const breakSms = (repo: string) => {
    const sms = join(repo, 'config', 'shifts', 'sms.yaml');
    const text = readFileSync(sms, 'utf8');
    writeFileSync(sms, text.replace('messaging: sms', 'messaging: chat'));
    return () => writeFileSync(sms, text);
  };

  it('is in docs/ci.md', () => {
    expect(script).toBeDefined();
  });

  it('lets a clean configuration be committed', () => {
    const repo = hookedRepo();
    const run = commit(repo);
    expect(run.output).toContain('files checked: no problems');
    expect(run.status).toBe(0);
  });

  it('blocks a commit whose staged configuration has errors, naming the file and the rule', () => {
    const repo = hookedRepo();
    expect(commit(repo).status).toBe(0);
    breakSms(repo);
    git(repo, 'add', '-A');
    const run = commit(repo);
    expect(run.status).toBe(1);
    expect(run.output).toMatch(/^config\/shifts\/sms\.yaml:\d+:\d+ +error .*shift-type-mismatch$/m);
  });

  it('checks the staged files, not the working tree', () => {
    const repo = hookedRepo();
    expect(commit(repo).status).toBe(0);
    // Broken in the index, fixed only in the working tree: still blocked.
    const restore = breakSms(repo);
    git(repo, 'add', '-A');
    restore();
    expect(commit(repo).status).toBe(1);
    // A good change staged, a broken one left unstaged: the commit goes through.
    git(repo, 'add', '-A');
    shortenTextEvening(join(repo, 'config'));
    git(repo, 'add', '-A');
    breakSms(repo);
    expect(commit(repo).status).toBe(0);
  });

  it('does nothing when no config file is staged, and says what to do when shiftready is missing', () => {
    const repo = hookedRepo();
    expect(commit(repo).status).toBe(0);
    writeFileSync(join(repo, 'notes.md'), 'minutes\n');
    git(repo, 'add', 'notes.md');
    rmSync(join(repo, 'node_modules'), { recursive: true });
    expect(commit(repo).status).toBe(0);
    shortenTextEvening(join(repo, 'config'));
    git(repo, 'add', '-A');
    const run = commit(repo);
    expect(run.status).toBe(1);
    expect(run.output).toContain('shiftready is not installed here; run npm ci');
  });
});

// --- --format github against the runner's parser ---------------------------------------------

describe('--format github', () => {
  it('prints one workflow command per finding that the runner parses back to the same file, line, column and message', async () => {
    const dir = scratch('annotations');
    writeFileSync(
      join(dir, 'base.yaml'),
      'shiftready: 1\norganization:\n  id: org\n  name: Test Line\n  timezone: America/Chicago\nprograms:\n  - id: chat-program\nportals:\n  - id: web\n    type: chat\n    program: chat-program\nusers:\n  - id: ana\n    role: admin\n    programs: [chat-program]\n    canReceive: [chat]\n',
    );
    // Property values must escape `,` `:` `%`; a related location puts a newline in the message.
    const odd = join(dir, 'we,ird:dir %41', 'odd,name::100%0A.yaml');
    mkdirSync(dirname(odd));
    writeFileSync(odd, 'shiftready: 1\nusers:\n  - id: ana\n    programs: [nowhere]\n  - id: cy\n    canReceive: [sms]\n');

    const github = await shiftready(['check', '.', '--format', 'github'], dir);
    const json = JSON.parse((await shiftready(['check', '.', '--format', 'json'], dir)).stdout) as {
      findings: {
        rule: string;
        severity: string;
        message: string;
        file: string;
        line: number;
        column: number;
        related?: { file: string; line: number; column: number; message: string }[];
      }[];
    };
    expect(github.status).toBe(1);
    const lines = github.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(json.findings.length);
    expect(new Set(json.findings.map((f) => f.severity))).toEqual(new Set(['error', 'warn']));
    expect(json.findings.some((f) => f.related?.length)).toBe(true);

    lines.forEach((line, i) => {
      const f = json.findings[i]!;
      expect(line).toMatch(ANNOTATION);
      const parsed = parseWorkflowCommand(line);
      expect(parsed).not.toBeNull();
      expect(parsed!.command).toBe(f.severity === 'error' ? 'error' : 'warning');
      expect(parsed!.properties).toEqual({ file: f.file, line: String(f.line), col: String(f.column), title: `shiftready ${f.rule}` });
      const related = (f.related ?? []).map((r) => `\n${r.file}:${r.line}:${r.column}: ${r.message}`).join('');
      expect(parsed!.data).toBe(f.message + related);
    });
    expect(json.findings.map((f) => f.file)).toContain('we,ird:dir %41/odd,name::100%0A.yaml');
  });

  it('the annotation shown in docs/ci.md has the same syntax', () => {
    const example = /`(::error [^`]+)`/.exec(DOC)?.[1];
    expect(example).toBeDefined();
    expect(example).toMatch(ANNOTATION);
    expect(parseWorkflowCommand(example!)?.properties).toMatchObject({
      file: 'config/shifts/sms.yaml',
      title: 'shiftready staff-lacks-permission',
    });
  });
});
