import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { MinutesConfig } from '../config/types';
import type { MinutesModel } from '../model/types';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to apply without asking (`minutes-lint --fix`, Ctrl+. preferred). */
  preferred?: boolean;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
}

export interface RuleContext {
  model: MinutesModel;
  config: MinutesConfig;
}

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line for the README's rule table and the settings UI. */
  description: string;
  /** An example of text that triggers it, for the README. */
  example: string;
  check(context: RuleContext): Array<Omit<Finding, 'severity' | 'code'>>;
}
