// Runs one case: writes its files into a fresh directory, runs the built CLI there as a child
// process (as users run it, start-up included), and collects what it printed and how it ended.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A run over this is a finding: SPEC's promise that time stays bounded whatever the input. */
export const LIMIT_MS = 5_000;
/**
 * Past LIMIT_MS of wall time, a run that has used less than LIMIT_MS of processor time is waiting
 * for a busy machine, not working: it may go on until this much wall time has passed.
 */
const WALL_MS = 30_000;
/** A run still alive this long after SIGTERM is killed outright (the finding is already made). */
const HARD_KILL_MS = 5_000;

/**
 * The processor time (user + system, all threads) a process has used so far, from Linux's
 * /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms); undefined elsewhere.
 */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
/** Output past this is not kept (a finding of its own: no command prints that much here). */
const MAX_OUTPUT = 64 * 1024 * 1024;

/** The children running now, so that an interrupted run can end them before removing its files. */
export const running = new Set();

/** Writes the case's files under `<parent>/case-<index>/cfg/`; returns the case directory. */
export function writeCase(parent, index, files) {
  const dir = join(parent, `case-${index}`);
  mkdirSync(join(dir, 'cfg'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    if (text === null) continue; // removed by a mutation
    const path = join(dir, 'cfg', name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return dir;
}

/**
 * Runs `node <bin> <args>` in `cwd`. Resolves { code, signal, stdout, stderr, ms, cpu, overTime,
 * outFile } — stdout and stderr as UTF-8 text, cpu the processor time last read (only for runs
 * past the limit), outFile the text of `--out` if the case names one.
 */
export function runCase(bin, cwd, testCase) {
  return new Promise((resolve) => {
    const started = performance.now();
    const env = { ...process.env, SHIFTREADY_NOW: '2027-03-01T12:00', ...testCase.env };
    delete env.SHIFTREADY_DEBUG; // a stack trace must never be what users see, so do not ask for one
    delete env.NODE_OPTIONS;
    // A heap limit keeps a runaway case from taking the machine's memory before the time limit ends it.
    const child = spawn(process.execPath, ['--max-old-space-size=1024', bin, ...testCase.args], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    const chunks = { stdout: [], stderr: [] };
    let size = 0;
    let overTime = false;
    for (const name of ['stdout', 'stderr']) {
      child[name].on('data', (chunk) => {
        size += chunk.length;
        if (size <= MAX_OUTPUT) chunks[name].push(chunk);
      });
    }
    let cpu;
    let hard;
    const stop = () => {
      overTime = true;
      clearInterval(watch);
      child.kill('SIGTERM');
      hard = setTimeout(() => child.kill('SIGKILL'), HARD_KILL_MS);
    };
    // Over the limit means over it in processor time where that can be read (a shared machine
    // makes wall time long), in wall time elsewhere; and never past WALL_MS of wall time.
    const watch = setInterval(() => {
      const wall = performance.now() - started;
      if (wall < LIMIT_MS) return;
      cpu = cpuMs(child.pid);
      if (cpu === undefined || cpu > LIMIT_MS || wall > WALL_MS) stop();
    }, 250);
    child.on('close', (code, signal) => {
      running.delete(child);
      clearInterval(watch);
      clearTimeout(hard);
      const ms = performance.now() - started;
      let outFile;
      if (testCase.out && code !== null && code <= 1) {
        try {
          outFile = readFileSync(join(cwd, testCase.out), 'utf8');
        } catch {
          outFile = undefined; // none written: the oracle says whether one should have been
        }
      }
      resolve({
        code,
        signal,
        stdout: Buffer.concat(chunks.stdout).toString('utf8'),
        stderr: Buffer.concat(chunks.stderr).toString('utf8'),
        ms,
        cpu,
        overTime,
        tooMuch: size > MAX_OUTPUT,
        outFile,
      });
    });
  });
}

/** A temporary directory for one fuzz run's cases. */
export function makeRunDir(tmp, seed) {
  return mkdtempSync(join(tmp, `shiftready-fuzz-${seed}-`));
}
