import * as assert from 'node:assert/strict';
import { joinLines, teamMinutes } from '../support/fixtures';
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
        // Its last minutes are of 2024: it stopped meeting.
        ended: true,
        problems: ['calendar/gone.yml: no such calendar inside the repository (or larger than 5 MB)'],
      },
    ]);
  });

  it('lists every series of the repository with the defaults too, naming the default configuration as the schedule, the ended ones last', async () => {
    repo.dispose();
    // The team met weekly until a week ago; the roll-ups stopped in 2022 (on Thursdays, the default schedule).
    const dayOf = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
    const teamFiles = Object.fromEntries([7, 14, 21, 28].map((d) => [`iaas/${dayOf(d).replaceAll('-', '')}.md`, teamMinutes(dayOf(d))]));
    repo = new TempRepository({
      ...teamFiles,
      'community-call/20220922.md': teamMinutes('SCS Tech Weekly 2022-09-22', '## Team Updates'),
      'community-call/20221006.md': teamMinutes('SCS Tech Weekly 2022-10-06', '## Team Updates'),
    });
    await session.initialize(repo.rootUri, {});
    const rows = (await session.request('minutes/series')).result as Array<{ folder: string; ended: boolean; schedule: Array<{ source: string; scheduled?: boolean }>; missing: Array<{ date: string; source: string; scheduled?: boolean }>; lastMinutes?: { date: string } }>;
    assert.deepEqual(rows.map((r) => [r.folder, r.ended, r.lastMinutes?.date]), [['iaas', false, dayOf(7)], ['community-call', true, '2022-10-06']]);
    const [iaas, rollUps] = rows;
    assert.deepEqual([iaas.schedule, iaas.missing], [[], []], 'no meetings are expected of a series without schedule or calendar');
    assert.deepEqual(rollUps.schedule.map((s) => [s.source, s.scheduled]), [['the default configuration', true]]);
    assert.deepEqual(rollUps.missing.map((m) => [m.date, m.source, m.scheduled]), [['2022-09-29', 'the default configuration', true]]);
  });

  it('has the client fetch calendar feeds (the server opens no connection), and says when it cannot', async () => {
    repo.write({ '.minutes.json': JSON.stringify({ calendars: ['https://calendar.example/wg.ics', 'https://calendar.example/denied.ics'] }) });
    const asked: string[] = [];
    session.connection.onRequest('minutes/fetchCalendar', ({ url }: { url: string }): { text?: string; error?: string } => {
      asked.push(url);
      return url.endsWith('/wg.ics') ? { text: CALENDAR } : { error: `${url}: calendar feeds are read in trusted workspaces only` };
    });
    await session.initialize(repo.rootUri, {});
    const rows = (await session.request('minutes/series')).result as Array<{ folder: string; missing: Array<{ date: string; source: string }>; problems: string[] }>;
    assert.deepEqual(asked, ['https://calendar.example/wg.ics', 'https://calendar.example/denied.ics']);
    assert.deepEqual(rows.map((r) => [r.folder, r.missing.map((m) => `${m.date} ${m.source}`)]), [['wg', ['2024-01-08 https://calendar.example/wg.ics', '2024-01-22 https://calendar.example/wg.ics']]]);
    assert.deepEqual(rows[0].problems, ['https://calendar.example/denied.ics: calendar feeds are read in trusted workspaces only']);
  });

  it('says that an editor which does not fetch feeds does not', async () => {
    repo.write({ '.minutes.json': JSON.stringify({ calendars: ['calendar/wg.ics', 'https://calendar.example/wg.ics'] }) });
    await session.initialize(repo.rootUri, {});
    const rows = (await session.request('minutes/series')).result as Array<{ problems: string[] }>;
    assert.deepEqual(rows[0].problems, ['https://calendar.example/wg.ics: this editor does not fetch calendar feeds']);
  });
});
