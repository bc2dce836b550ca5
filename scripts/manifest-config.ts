// Rewrites `contributes.configuration` in package.json from the rule catalog and the config schema
// (`npx tsx scripts/manifest-config.ts`); a unit test fails when they disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { CONFIG_SCHEMA } from '../server/src/core';

const props = CONFIG_SCHEMA.properties;

/** A config-file key as a setting that, unset (null), leaves `.minutes.json` in charge. */
function override(key: keyof typeof props, order: number) {
  const schema = props[key] as { type: string; description?: string };
  return { type: [schema.type, 'null'], default: null, order, markdownDescription: `${schema.description ?? ''} Overrides \`${key}\` of \`.minutes.json\` when set.`.trim() };
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
      'minutes.weeklyFolder': override('weeklyFolder', 1),
      'minutes.weeklyTitle': override('weeklyTitle', 2),
      'minutes.meetingWeekday': { ...override('meetingWeekday', 3), minimum: 0, maximum: 6 },
      'minutes.linkBase': override('linkBase', 4),
      'minutes.holidays': {
        type: ['object', 'null'],
        default: null,
        order: 5,
        properties: props.holidays.properties,
        additionalProperties: false,
        markdownDescription: 'Where public holidays come from: `{ "country": "DE", "state": "BY", "language": "en" }`. Overrides `holidays` of `.minutes.json` when set.',
      },
      'minutes.me': {
        type: ['string', 'null'],
        default: null,
        order: 6,
        markdownDescription: 'Your handle (`@kim` or `kim`): the Action Items view lists your open items first, as "My action items".',
      },
      'minutes.trace.server': {
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        order: 7,
        scope: 'window',
        description: 'Traces the communication between VS Code and the Minutes language server (Output > Minutes).',
      },
    },
  };
}

if (process.argv[1]?.endsWith('manifest-config.ts')) {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: unknown } };
  manifest.contributes.configuration = manifestConfiguration();
  writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
}
