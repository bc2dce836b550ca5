import * as assert from 'node:assert/strict';
import { findDates } from '../../server/src/core/model/dates';
import { findWrittenDates, formatWritten } from '../../server/src/core/model/writtenDates';

describe('dates', () => {
  it('finds ISO dates in prose with their offsets', () => {
    const [date] = findDates('Will take place on 2022-10-10 (not 2022-10-03!)');
    assert.equal(date.offset, 19);
    assert.deepEqual(date.date, { year: 2022, month: 10, day: 10 });
    assert.equal(findDates('Will take place on 2022-10-10 (not 2022-10-03!)').length, 2);
  });

  it('flags impossible and malformed dates', () => {
    assert.equal(findDates('2023-02-30')[0].problem, 'impossible');
    assert.equal(findDates('9999-99-99')[0].problem, 'impossible');
    assert.equal(findDates('2023-03\u201306')[0].problem, 'malformed');
    assert.equal(findDates('2023-09-4')[0].problem, 'malformed');
    assert.equal(findDates('2024-02-29')[0].problem, undefined);
  });
});

describe('dates written out in titles', () => {
  const near = { year: 2024, month: 10, day: 8 };
  it('reads the forms organisations write, the year from the file where the title lacks it', () => {
    const read = (text: string) => findWrittenDates(text, near).map((d) => [d.text, d.date]);
    const oct8 = { year: 2024, month: 10, day: 8 };
    assert.deepEqual(read('Agenda for the October 8th video call of the group'), [['October 8th', oct8]]);
    assert.deepEqual(read('Board meeting, Oct 8, 2024'), [['Oct 8, 2024', oct8]]);
    assert.deepEqual(read('Meeting 8 October 2024'), [['8 October 2024', oct8]]);
    assert.deepEqual(read('Sitzung am 8. Oktober 2024'), [['8. Oktober 2024', oct8]]);
    assert.deepEqual(read('Protokoll 08.10.2024'), [['08.10.2024', oct8]]);
    assert.deepEqual(read('the 30th of December'), [['30th of December', { year: 2024, month: 12, day: 30 }]]);
    assert.deepEqual(findWrittenDates('December 30th', { year: 2025, month: 1, day: 2 })[0].date, { year: 2024, month: 12, day: 30 }, 'the year nearest the file');
    assert.deepEqual(findWrittenDates('October 8th'), [], 'without a year and no file date, nothing is guessed');
    assert.deepEqual(read('May we meet in 2024?'), []);
  });

  it('writes another date the way one was written', () => {
    const like = (text: string) => formatWritten({ year: 2024, month: 11, day: 1 }, findWrittenDates(text, near)[0].style);
    assert.equal(like('October 8th'), 'November 1st');
    assert.equal(like('Oct 8, 2024'), 'Nov 1, 2024');
    assert.equal(like('8 October 2024'), '1 November 2024');
    assert.equal(like('8. Oktober 2024'), '1. November 2024');
    assert.equal(like('08.10.2024'), '01.11.2024');
    assert.equal(like('8th of October'), '1st of November');
  });
});
