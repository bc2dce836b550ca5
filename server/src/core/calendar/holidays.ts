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

// Where the data has no English name of its own, it falls back to a generic label; the country's
// own name then says which holiday it is: "National Holiday (Tag der Deutschen Einheit)".
const GENERIC_NAMES = new Set(['National Holiday', 'Public Holiday', 'Holiday']);

/** Public holidays of one country (and state), from the date-holidays calendar data. */
export class HolidayCalendar {
  private readonly holidays: Holidays;
  private native: Holidays | undefined;
  private readonly nativeYears = new Map<number, ReturnType<Holidays['getHolidays']>>();
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
        if (!days.has(key)) days.set(key, { date: { year: y, month: m, day: d }, name: this.describe(h.name, year, key) });
      }
      this.byYear.set(year, days);
    }
    return days;
  }

  private describe(name: string, year: number, date: string): string {
    if (!GENERIC_NAMES.has(name)) return name;
    const languages = (this.holidays.getLanguages() as string[] | undefined) ?? [];
    const own = languages.find((l) => l !== this.region.language);
    if (!own) return name;
    this.native ??= new Holidays(this.region.country, this.region.state ?? '', { languages: [own], types: ['public'], timezone: 'UTC' });
    // Computed once a year, however many holidays of the year have a generic name.
    let natives = this.nativeYears.get(year);
    if (!natives) this.nativeYears.set(year, (natives = this.native.getHolidays(year) || []));
    const local = natives.find((h) => h.date.startsWith(date))?.name;
    return local && local !== name ? `${name} (${local})` : name;
  }
}
