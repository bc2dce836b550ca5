import * as assert from 'node:assert/strict';
import { findDates } from '../../server/src/core/model/dates';

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
