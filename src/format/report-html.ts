/** `report --format html`: a self-contained page (see issue: the HTML coverage report). */
import type { Config } from '../check.js';
import type { CoverageReport } from '../report/coverage.js';
import { formatReportText } from './report.js';

export function formatReportHtml(report: CoverageReport, config: Config): string {
  // Placeholder until the HTML report is built: the text report in a page.
  const text = formatReportText(report, config.model).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>Coverage report</title><pre>${text}</pre></html>\n`;
}
