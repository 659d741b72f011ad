/**
 * End to end with a real editor backend: `shiftready init config` in a project where shiftready
 * is installed, then yaml-language-server (the engine of VS Code's YAML extension and of other
 * editors) over LSP opens files there. The only link between the two is the modeline `init`
 * writes, resolved from the file's folder as the server does. Expectations come from the schema
 * file and from the text written, not from the server's code.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from '../helpers.js';
import { LspClient, type Diagnostic } from './lsp.js';

const SCHEMA_FILE = new URL('../../schema/shiftready.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));

/** Markdown as the server escapes it (`\.`, `\(` …) back to plain text. */
const plain = (markdown: string) => markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');

describe('yaml-language-server with the modeline `init` writes', () => {
  let project: string;
  let starter: string;
  let lsp: LspClient;
  let version = 0;

  /** Opens `text` as `config/<name>` (written to disk too) and returns its URI. */
  function open(name: string, text: string): string {
    const path = join(project, 'config', name);
    writeFileSync(path, text);
    const uri = pathToFileURL(path).href;
    lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: ++version, text } });
    return uri;
  }
  /** The line and character of `needle` in `text` (its `occurrence`th appearance, from 1). */
  function at(text: string, needle: string, occurrence = 1): { line: number; character: number } {
    const lines = text.split('\n');
    let seen = 0;
    for (const [line, content] of lines.entries()) {
      const character = content.indexOf(needle);
      if (character >= 0 && ++seen === occurrence) return { line, character };
    }
    throw new Error(`${needle} not in the text`);
  }

  beforeAll(async () => {
    // A project with shiftready installed locally: its schema where npm puts it.
    project = tempDir({ 'package.json': '{ "private": true }\n' });
    mkdirSync(join(project, 'node_modules/shiftready/schema'), { recursive: true });
    copyFileSync(SCHEMA_FILE, join(project, 'node_modules/shiftready/schema/shiftready.schema.json'));
    const init = await cli(['init', 'config'], project);
    expect(init.code).toBe(0);
    starter = readFileSync(join(project, 'config/shiftready.yaml'), 'utf8');

    lsp = new LspClient({
      validate: true,
      hover: true,
      completion: true,
      schemaStore: { enable: false }, // no network
      kubernetesCRDStore: { enable: false },
    });
    await lsp.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(project).href,
      capabilities: {
        workspace: { configuration: true },
        textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown'] } },
      },
    });
    lsp.notify('initialized', {});
    lsp.notify('workspace/didChangeConfiguration', { settings: {} });
  });
  afterAll(async () => {
    await lsp?.close();
  });

  it('init wrote a modeline that resolves to the installed schema from the file’s folder', () => {
    const modeline = /^# yaml-language-server: \$schema=(\S+)\n/.exec(starter);
    expect(modeline?.[1]).toBe('../node_modules/shiftready/schema/shiftready.schema.json');
    const target = resolve(join(project, 'config'), modeline![1]!);
    expect(existsSync(target)).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it('reports nothing on the starter configuration', async () => {
    const uri = open('shiftready.yaml', starter);
    expect(await lsp.diagnostics(uri)).toEqual([]);
  });

  it('flags a misspelt key and the impossible date 2026-02-30, in words', async () => {
    const text = starter.replace('    messaging: chat', '    mesaging: chat').replace('    from: 2026-01-05', '    from: 2026-02-30');
    const uri = open('mistakes.yaml', text);
    const found = await lsp.diagnostics(uri, (d) => d.length > 0);
    const where = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.character}`;
    const key = at(text, 'mesaging');
    const date = at(text, '2026-02-30');
    const byPlace = new Map(found.map((d) => [where(d), d.message]));
    expect(byPlace.get(`${key.line}:${key.character}`)).toMatch(/mesaging/);
    expect(byPlace.get(`${date.line}:${date.character}`)).toBe(schema.definitions.date.patternErrorMessage);
    // and the date the starter really has is fine
    expect([...byPlace.values()].filter((m) => m === schema.definitions.date.patternErrorMessage)).toHaveLength(1);
  });

  it('completes the values of `messaging:`', async () => {
    const text = starter.replace(/^ {4}messaging: chat .*$/m, '    messaging: ');
    const uri = open('complete.yaml', text);
    const position = at(text, '    messaging: ');
    const result = await lsp.request<{ items: { label: string }[] } | { label: string }[]>('textDocument/completion', {
      textDocument: { uri },
      position: { line: position.line, character: '    messaging: '.length },
    });
    const labels = (Array.isArray(result) ? result : result.items).map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['chat', 'sms']));
  });

  it.each([
    ['messaging', 'shift', 'messaging'],
    ['start', 'shift', 'start'],
    ['timezone', 'organization', 'timezone'],
  ])('hover on `%s` shows its own title and description', async (key, definition, property) => {
    const uri = open(`hover-${key}.yaml`, starter);
    const position = at(starter, `${key}:`);
    const hover = await lsp.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri },
      position: { line: position.line, character: position.character + 1 },
    });
    const text = plain(hover.contents.value);
    const own = schema.definitions[definition].properties[property];
    expect(text.startsWith(`#### ${own.title}\n`)).toBe(true);
    expect(text).toContain(own.description);
    expect(text).not.toContain(schema.title);
  });
});
