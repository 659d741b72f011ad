/**
 * Colour for a terminal (SGR codes): the words a person scans for — error, warning, online,
 * offline — and the parts that matter less, dimmed. Only fixed codes are ever written; the text
 * they wrap has been escaped first (`forTerminal`), so nothing from a configuration can act on the
 * terminal, coloured or not. Whether to colour at all is the CLI's decision (src/cli/colour.ts).
 */
import { forTerminal } from './escape.js';

export interface Paint {
  /** True when the painter adds colour (the output is then already escaped for a terminal). */
  readonly on: boolean;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    text === '' ? '' : `\x1b[${open}m${text}\x1b[${close}m`;

const same = (text: string): string => text;

/** No colour: every function returns its text unchanged. */
export const PLAIN: Paint = { on: false, red: same, yellow: same, green: same, bold: same, dim: same, underline: same };

/** ANSI colours (the 16 basic ones, which every terminal theme maps to readable shades). */
export const COLOURS: Paint = {
  on: true,
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  green: sgr(32, 39),
  bold: sgr(1, 22),
  dim: sgr(2, 22),
  underline: sgr(4, 24),
};

/** Text from the configuration, for a painted output: escaped here, since the whole is not escaped again. */
export function shown(text: string, paint: Paint): string {
  return paint.on ? forTerminal(text) : text;
}

/**
 * A painted output made from plain lines: each line escaped, then `decorate` colours its fixed
 * prefix (a glyph or a word the formatter wrote, never a value). Without colour, the text as is.
 */
export function paintLines(text: string, paint: Paint, decorate: (line: string, paint: Paint) => string): string {
  if (!paint.on) return text;
  return text
    .split('\n')
    .map((line) => decorate(forTerminal(line), paint))
    .join('\n');
}
