// Severities are configuration facts (config/severity.ts); the rules read them from here too.
export * from '../config/severity';
