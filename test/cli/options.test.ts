/** The environment the CLI reads for the load stage (the load stage itself reads none). */
import { describe, expect, it } from 'vitest';
import { loadOptions } from '../../src/cli/options.js';

describe('loadOptions', () => {
  const cases: [string | undefined, number | undefined][] = [
    [undefined, undefined],
    ['', undefined],
    ['0', 0],
    ['1', 1],
    ['3', 3],
    ['many', 0],
  ];
  for (const [workers, threads] of cases) {
    it(`parses with ${threads ?? 'as many threads as the size calls for'} when SHIFTREADY_WORKERS is ${JSON.stringify(workers)}`, () => {
      const env = workers === undefined ? {} : { SHIFTREADY_WORKERS: workers };
      expect(loadOptions({ cwd: '/configs', env })).toEqual(threads === undefined ? { cwd: '/configs' } : { cwd: '/configs', threads });
    });
  }
});
