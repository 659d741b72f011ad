/**
 * The HTML report page's stylesheet and script, written as real files beside this module
 * (page.css, and page.js, which `npm run typecheck` checks against the DOM; and for the summary
 * of a long period page-summary.css and page-summary.js) and inlined into the page byte for byte.
 *
 * This is the version the tests run from the sources: it reads the two files on the first page
 * drawn, so other commands never read them. The build replaces its compiled form in dist/ with a
 * module that holds both as strings (scripts/build-page-assets.mjs), so dist/ and the bundle made
 * from it need no file beside them.
 */
import { readFileSync } from 'node:fs';

export interface PageAssets {
  css: string;
  script: string;
  /** Added to the page of a long period only (summary.ts), so a short period's page is as it was. */
  summaryCss: string;
  summaryScript: string;
}

let assets: PageAssets | undefined;

export function pageAssets(): PageAssets {
  assets ??= {
    css: read('page.css'),
    script: read('page.js'),
    summaryCss: read('page-summary.css'),
    summaryScript: read('page-summary.js'),
  };
  return assets;
}

function read(name: string): string {
  // A checkout with CRLF line ends must not change the page (the build does the same).
  return readFileSync(new URL(name, import.meta.url), 'utf8').replace(/\r\n/g, '\n');
}
