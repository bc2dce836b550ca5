import * as assert from 'node:assert/strict';
import { joinLines } from '../support/fixtures';
import { LspSession } from '../support/lspClient';
import { TempRepository } from '../support/repository';

// A working group that meets on Mondays from 2024-01-01, four times; its calendar links its folder.
const CALENDAR = joinLines('BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:wg', 'SUMMARY:Working group', 'DESCRIPTION:Minutes: wg/', 'DTSTART;TZID=Europe/Berlin:20240101T100000', 'RRULE:FREQ=WEEKLY;COUNT=4', 'EXDATE;TZID=Europe/Berlin:20240115T100000', 'END:VEVENT', 'END:VCALENDAR', '');

describe('the Series request over LSP', () => {
  let repo: TempRepository;
  let session: LspSession;

  beforeEach(() => {
    repo = new TempRepository({
      '.minutes.json': JSON.stringify({ calendars: ['calendar/wg.ics', 'calendar/gone.yml'] }),
      'calendar/wg.ics': CALENDAR,
      'wg/20240101.md': joinLines('# 2024-01-01', '', '## Topics', '', '- AI @kim: draft the charter', ''),
    });
    session = new LspSession();
  });
  afterEach(async () => {
    await session.dispose();
    repo.dispose();
  });

  it('lists each series with its schedule, last minutes, meetings without minutes and open items', async () => {
    await session.initialize(repo.rootUri, {});
    const answer = await session.request('minutes/series');
    const rows = answer.result as Array<Record<string, unknown>>;
    assert.deepEqual(rows, [
      {
        rootUri: repo.rootUri,
        folder: 'wg',
        schedule: [{ event: 'Working group', schedule: 'every week, Monday 10:00, from 2024-01-01, 4 times', source: 'calendar/wg.ics' }],
        lastMinutes: { date: '2024-01-01', uri: repo.uriOf('wg/20240101.md') },
        // 01-15 is excepted.
        missing: [
          { date: '2024-01-08', event: 'Working group', source: 'calendar/wg.ics' },
          { date: '2024-01-22', event: 'Working group', source: 'calendar/wg.ics' },
        ],
        openActionItems: 1,
        problems: ['calendar/gone.yml: no such calendar inside the repository (or larger than 5 MB)'],
      },
    ]);
  });
});
