import * as assert from 'node:assert/strict';
import { HolidayCalendar } from '../../server/src/core/calendar/holidays';

describe('public holiday calendar', () => {
  const germany = new HolidayCalendar({ country: 'DE', language: 'en' });

  it('knows the Day of German Unity and that the next day is a working day', () => {
    assert.ok(germany.holidayOn({ year: 2022, month: 10, day: 3 }));
    assert.equal(germany.holidayOn({ year: 2022, month: 10, day: 4 }), undefined);
  });

  it('names holidays in the configured language', () => {
    const german = new HolidayCalendar({ country: 'DE', language: 'de' });
    assert.equal(german.holidayOn({ year: 2022, month: 10, day: 3 })?.name, 'Tag der Deutschen Einheit');
    assert.equal(germany.holidayOn({ year: 2022, month: 12, day: 26 })?.name, 'Boxing Day');
    assert.equal(germany.countryName, 'Germany');
    assert.equal(german.countryName, 'Deutschland');
  });

  it('has state holidays only in their state', () => {
    const bavaria = new HolidayCalendar({ country: 'DE', state: 'BY', language: 'en' });
    assert.equal(bavaria.holidayOn({ year: 2022, month: 1, day: 6 })?.name, 'Epiphany');
    assert.equal(germany.holidayOn({ year: 2022, month: 1, day: 6 }), undefined);
  });
});
