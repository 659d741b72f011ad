/** The rule pages (docs/rules/<id>.md), which ship in the package and are read at run time. */
import { readFileSync } from 'node:fs';
import { packageFile } from '../paths.js';

const DOCS_DIR = packageFile('docs/rules/');

/** A rule's documentation page, or undefined when it cannot be read. */
export function rulePage(id: string): string | undefined {
  try {
    return readFileSync(new URL(`${id}.md`, DOCS_DIR), 'utf8');
  } catch {
    return undefined;
  }
}
