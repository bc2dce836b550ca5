/**
 * Countries whose public holidays ship with the extension. The build keeps only their data from
 * date-holidays (all countries would add about 1.5 MB); the config schema offers exactly these.
 */
export const HOLIDAY_COUNTRIES = [
  'AT', 'BE', 'BG', 'CA', 'CH', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GB', 'GR', 'HR', 'HU', 'IE', 'IT',
  'LT', 'LU', 'LV', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'US',
] as const;
