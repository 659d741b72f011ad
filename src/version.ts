/** The package version (read from package.json once). */
import { readFileSync } from 'node:fs';
import { packageFile } from './paths.js';

export const VERSION: string = (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
