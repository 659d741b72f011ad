/**
 * Lists the skipped tests at the end of a run, with the reason their titles give
 * (`… (skipped: reason)`, see skipNote in helpers.ts): the default reporter only counts them.
 */
import type { Reporter, TestModule, Vitest } from 'vitest/node';

export default class SkippedReporter implements Reporter {
  private filtered = false;

  onInit(vitest: Vitest): void {
    // With a name filter, the tests left out count as skipped too: those are not worth a line.
    this.filtered = Boolean(vitest.config.testNamePattern);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests('skipped')) {
        if (test.options.mode === 'todo') continue;
        const name = `${module.relativeModuleId} > ${test.fullName}`;
        if (test.fullName.includes('(skipped: ')) lines.push(`  ↓ ${name}`);
        else if (!this.filtered) lines.push(`  ↓ ${name} (skipped: no reason in the title)`);
      }
    }
    if (lines.length) console.log(`\nSkipped tests (${lines.length}):\n${lines.join('\n')}\n`);
  }
}
