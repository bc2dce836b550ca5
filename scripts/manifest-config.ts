// Rewrites `contributes.configuration` in package.json from the rule catalog and the config schema
// (`npx tsx scripts/manifest-config.ts`); a unit test fails when they disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { CONFIG_SCHEMA } from '../server/src/core';
import { OVERRIDABLE_SETTINGS } from '../server/src/protocol';

const props = CONFIG_SCHEMA.properties;

/** A config-file key as a setting that, unset (null), leaves `.minutes.json` in charge. */
function override(key: (typeof OVERRIDABLE_SETTINGS)[number], order: number) {
  if (key === 'holidays') {
    return {
      type: ['object', 'null'],
      default: null,
      order,
      properties: props.holidays.properties,
      additionalProperties: false,
      markdownDescription: 'Where public holidays come from: `{ "country": "DE", "state": "BY", "language": "en" }`. Overrides `holidays` of `.minutes.json` when set.',
    };
  }
  const schema = props[key] as { type: string; description?: string; minimum?: number; maximum?: number };
  const bounds = schema.minimum === undefined ? {} : { minimum: schema.minimum, maximum: schema.maximum };
  return { type: [schema.type, 'null'], default: null, order, markdownDescription: `${schema.description ?? ''} Overrides \`${key}\` of \`.minutes.json\` when set.`.trim(), ...bounds };
}

export function manifestConfiguration() {
  return {
    title: 'Minutes',
    properties: {
      'minutes.rules': {
        type: 'object',
        order: 0,
        markdownDescription: `${props.rules.description} Wins over \`rules\` of \`.minutes.json\`.`,
        properties: props.rules.properties,
        additionalProperties: false,
        default: {},
      },
      ...Object.fromEntries(OVERRIDABLE_SETTINGS.map((key, i) => [`minutes.${key}`, override(key, i + 1)])),
      'minutes.me': {
        type: ['string', 'null'],
        default: null,
        order: OVERRIDABLE_SETTINGS.length + 1,
        markdownDescription: 'Your handle (`@kim` or `kim`): the Action Items view lists your open items first, as "My action items".',
      },
      'minutes.showSuppressed': {
        type: 'boolean',
        default: true,
        order: OVERRIDABLE_SETTINGS.length + 2,
        markdownDescription: 'Show the findings recorded in `minutes-suppressions.json` (by `minutes-lint --suppress-all`) as hints. Off: they are not shown at all.',
      },
      'minutes.trace.server': {
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        order: OVERRIDABLE_SETTINGS.length + 3,
        scope: 'window',
        description: 'Traces the communication between VS Code and the Minutes language server (Output > Minutes).',
      },
      'minutes.actionItems.olderAfterDays': {
        type: ['integer', 'null'],
        default: null,
        minimum: 0,
        order: OVERRIDABLE_SETTINGS.length + 4,
        markdownDescription:
          'The Action Items view lists the open items of a series that has not met for more than this many days under "Older", collapsed. Unset: a series has stopped meeting when its newest minutes lie three of its usual gaps (and more than `reminderDays`) in the past, as `minutes-lint --actions` judges.',
      },
    },
  };
}

if (process.argv[1]?.endsWith('manifest-config.ts')) {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: unknown } };
  manifest.contributes.configuration = manifestConfiguration();
  writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
}
