import Holidays from 'date-holidays';
import { formatDate, type CalendarDate } from '../model/dates';

export interface PublicHoliday {
  date: CalendarDate;
  /** In the requested language where the data has it, else the country's own. */
  name: string;
}

export interface HolidayRegion {
  country: string;
  state?: string;
  language: string;
}

/** Public holidays of one country (and state), from the date-holidays calendar data. */
export class HolidayCalendar {
  private readonly holidays: Holidays;
  private readonly byYear = new Map<number, Map<string, PublicHoliday>>();

  constructor(readonly region: HolidayRegion) {
    // UTC: only calendar dates are used, and the bundle ships no other time zone (scripts/holidayData.mjs).
    this.holidays = new Holidays(region.country, region.state ?? '', { languages: [region.language], types: ['public'], timezone: 'UTC' });
  }

  /** The country's name in the requested language: "Germany". */
  get countryName(): string {
    const countries = this.holidays.getCountries(this.region.language) as Record<string, string> | undefined;
    return countries?.[this.region.country.toUpperCase()] ?? this.region.country;
  }

  holidayOn(date: CalendarDate): PublicHoliday | undefined {
    return this.year(date.year).get(formatDate(date));
  }

  private year(year: number): Map<string, PublicHoliday> {
    let days = this.byYear.get(year);
    if (!days) {
      days = new Map();
      // Dates are compared as the calendar's own local date strings, so no time zone can shift a day.
      for (const h of this.holidays.getHolidays(year) || []) {
        if (h.type !== 'public') continue;
        const [y, m, d] = h.date.slice(0, 10).split('-').map(Number);
        const key = h.date.slice(0, 10);
        if (!days.has(key)) days.set(key, { date: { year: y, month: m, day: d }, name: h.name });
      }
      this.byYear.set(year, days);
    }
    return days;
  }
}
