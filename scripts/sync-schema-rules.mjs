// Writes the `rules` section of schema/shiftready.schema.json from the rule registry, so that
// editors show each rule's description on hover. Run after `npm run build`; a test checks that
// the schema and the registry agree.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../dist/rules/index.js';

const path = new URL('../schema/shiftready.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(path, 'utf8'));
const ids = RULES.map((r) => r.meta.id);
schema.properties.rules.propertyNames.enum = ids;
const described = new Map(RULES.map((r) => [r.meta.id, `${r.meta.description} (default: ${r.meta.severity}).`]));
schema.properties.rules.properties = Object.fromEntries(
  ids.map((id) => [
    id,
    {
      title: id,
      $ref: '#/definitions/ruleSeverity',
      description: described.get(id) ?? schema.properties.rules.properties?.[id]?.description ?? id,
    },
  ]),
);
schema.definitions.ruleSeverity = {
  title: 'Rule severity',
  type: 'string',
  enum: ['error', 'warn', 'off'],
  description: 'error, warn or off.',
  enumDescriptions: ['Reported as an error.', 'Reported as a warning.', 'Not reported.'],
};
delete schema.properties.rules.additionalProperties;
schema.properties.rules.additionalProperties = false;
writeFileSync(path, `${JSON.stringify(schema, null, 2)}\n`);
