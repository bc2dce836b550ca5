import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCalendar } from '../../server/src/core/calendars';
import { padOfSeries, readCalendars } from '../../server/src/core';
import { readYamlCalendar } from '../../server/src/core/meetings/yamlCalendar';

const LINK_BASE = 'https://github.com/ORG/minutes/blob/main/';

/** A yaml2ics event of the series in `folder`, with `pad` on its own line of the description. */
function event(summary: string, folder: string, begin: string, until: string, pad?: string): string {
  return [
    `  - summary: "${summary}"`,
    `    begin: ${begin} 10:00:00`,
    '    description: |',
    '      Our weekly meeting.',
    `      Minutes: https://github.com/ORG/minutes/tree/main/${folder}`,
    ...(pad ? [`      ${pad}`] : []),
    '      Jitsi: https://meet.example.org/team',
    '    repeat:',
    '      interval:',
    '        weeks: 1',
    `      until: ${until}`,
  ].join('\n');
}

const calendar = (...events: string[]) => readYamlCalendar(['name: Teams', 'timezone: Europe/Berlin', 'events:', ...events].join('\n'), 'calendar.yml').events;

// A series that opens a new pad each year with a new event, as SCS's calendar has them.
const yearly = calendar(
  event('Team IaaS', 'iaas', '2025-01-09', '2025-12-18', 'HedgeDoc: https://pad.example.org/2025-team-iaas'),
  event('Team IaaS', 'iaas', '2026-01-08', '2026-12-17', 'HedgeDoc: https://pad.example.org/2026-team-iaas'),
  event('Team Container', 'container', '2026-01-05', '2026-12-14', 'HackMD: <https://hackmd.io/@org/container>'),
  event('SIG Docs', 'sig-docs', '2026-01-05', '2026-12-14'),
);

describe("the pad a series' calendar names", () => {
  it("proposes the pad of the series' event that met last by today", () => {
    assert.deepEqual(padOfSeries(yearly, 'iaas', LINK_BASE, [], '2026-06-20'), { url: 'https://pad.example.org/2026-team-iaas', event: 'Team IaaS', lastMeeting: '2026-06-18' });
    // Before the new year's first meeting, last year's pad holds the minutes still to import.
    assert.equal(padOfSeries(yearly, 'iaas', LINK_BASE, [], '2026-01-07')?.url, 'https://pad.example.org/2025-team-iaas');
  });

  it("proposes an event's pad before it first met, the earliest of several", () => {
    assert.deepEqual(padOfSeries(yearly, 'iaas', LINK_BASE, [], '2024-12-01'), { url: 'https://pad.example.org/2025-team-iaas', event: 'Team IaaS' });
  });

  it('reads a HackMD line with its link in angle brackets, only for the series asked about', () => {
    assert.equal(padOfSeries(yearly, 'container', LINK_BASE, [], '2026-06-20')?.url, 'https://hackmd.io/@org/container');
    assert.equal(padOfSeries(yearly, 'sig-docs', LINK_BASE, [], '2026-06-20'), undefined, 'an event without a pad line');
    assert.equal(padOfSeries(yearly, 'ops', LINK_BASE, [], '2026-06-20'), undefined, 'a series without an event');
  });

  it('finds the event of a series named in calendarSeries, and no URL of another label', () => {
    const named = calendar(event('SCS Project Board', 'elsewhere', '2026-01-05', '2026-12-14', 'Pad: https://pad.example.org/board'));
    assert.equal(padOfSeries(named, 'project-board', 'https://other.example/', [{ event: 'SCS Project Board', folder: 'project-board' }], '2026-06-20')?.url, 'https://pad.example.org/board');
    const jitsiOnly = calendar(event('Team IaaS', 'iaas', '2026-01-08', '2026-12-17', 'Video: https://meet.example.org/x'));
    assert.equal(padOfSeries(jitsiOnly, 'iaas', LINK_BASE, [], '2026-06-20'), undefined);
  });

  const scs = resolve(__dirname, '../../../shared/corpus/scs-calendar');
  it("proposes SCS's 2026 pad of the OPS/Sec/IAM team from its real calendar", async function () {
    if (!existsSync(join(scs, 'main.yml'))) return this.skip();
    const { events } = await readCalendars(['main.yml'], (location) => Promise.resolve(readFileSync(join(scs, location), 'utf8')), parseCalendar);
    const pad = padOfSeries(events, 'ops', 'https://github.com/SovereignCloudStack/minutes/blob/main/', [], '2026-06-20');
    assert.equal(pad?.url, 'https://input.scs.community/2026-scs-team-opsseciam');
    assert.equal(padOfSeries(events, 'ops', 'https://github.com/SovereignCloudStack/minutes/blob/main/', [], '2025-11-01')?.url, 'https://input.scs.community/2025-scs-team-opsseciam');
  });
});
