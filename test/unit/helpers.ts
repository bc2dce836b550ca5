import { DEFAULT_CONFIG, parseMinutes, type MinutesConfig, type MinutesModel } from '../../server/src/core';

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** A model of `text` as if it were the file at `path` of a minutes repository. */
export function modelOf(text: string, path = 'community-call/20220929.md', config: MinutesConfig = DEFAULT_CONFIG): MinutesModel {
  return parseMinutes({ uri: `file:///repo/${path}`, version: 1, text }, config);
}

/** The text a range covers. */
export function textAt(model: MinutesModel, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
}

export const BASE = 'https://github.com/SovereignCloudStack/minutes/blob/main/';
