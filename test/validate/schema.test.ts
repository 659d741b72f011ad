/** The JSON Schema as a contract for editors: complete, documented, in step with the rules. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/shiftready.schema.json', import.meta.url), 'utf8'));

type Node = Record<string, unknown>;
function walk(node: unknown, path: string, visit: (node: Node, path: string) => void): void {
  if (typeof node !== 'object' || node === null) return;
  const n = node as Node;
  visit(n, path);
  for (const [key, value] of Object.entries((n.properties as Node | undefined) ?? {})) walk(value, `${path}/${key}`, visit);
  for (const key of ['items', 'then', 'else']) walk(n[key], `${path}/${key}`, visit);
  for (const [i, alternative] of ((n.anyOf as unknown[] | undefined) ?? []).entries()) walk(alternative, `${path}/anyOf/${i}`, visit);
  for (const [key, value] of Object.entries((n.definitions as Node | undefined) ?? {})) walk(value, `#/definitions/${key}`, visit);
}

describe('schema/shiftready.schema.json', () => {
  it('is draft-07', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  // `then: { properties: { repeat: true } }` only declares what it requires (ajv's strict mode):
  // boolean schemas are not hover text.
  it("describes and titles every property (the editor's hover text)", () => {
    const missing: string[] = [];
    walk(schema, '#', (node, path) => {
      for (const [key, value] of Object.entries((node.properties as Node | undefined) ?? {})) {
        if (value === true) continue;
        if (typeof (value as Node).description !== 'string') missing.push(`${path}/${key} description`);
        if (typeof (value as Node).title !== 'string') missing.push(`${path}/${key} title`);
      }
    });
    expect(missing).toEqual([]);
  });

  it('titles every definition, and no property or definition below the root is titled like the file', () => {
    const untitled = Object.entries(schema.definitions as Record<string, Node>)
      .filter(([, def]) => typeof def.title !== 'string')
      .map(([name]) => name);
    expect(untitled).toEqual([]);
    const fileTitled: string[] = [];
    walk(schema, '#', (node, path) => {
      if (path !== '#' && node.title === schema.title) fileTitled.push(path);
    });
    expect(fileTitled).toEqual([]);
  });

  it('closes every object: unknown keys are errors', () => {
    const open: string[] = [];
    walk(schema, '#', (node, path) => {
      if (node.type === 'object' && node.additionalProperties !== false) open.push(path);
    });
    expect(open).toEqual([]);
  });

  it('lists every rule of the registry under `rules`, each described from the registry', () => {
    const rules = schema.properties.rules;
    expect(rules.propertyNames.enum).toEqual(RULES.map((r) => r.meta.id));
    expect(Object.keys(rules.properties)).toEqual(rules.propertyNames.enum);
    for (const rule of RULES) {
      expect(rules.properties[rule.meta.id]?.description).toBe(`${rule.meta.description} (default: ${rule.meta.severity}).`);
    }
  });
});
