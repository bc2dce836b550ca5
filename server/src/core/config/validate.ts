import { isoDate } from './schedule';
import { isValidPathPattern } from './paths';
import { MAX_LIST_ITEMS, MAX_STRING_CHARS, repositoryPathProblem } from './bounds';
import { globProblem } from './ignores';

/** A JSON-schema subset validator: the schema of `.minutes.json` uses only these keywords. */
export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean;
  required?: readonly string[];
  items?: SchemaNode;
  enum?: readonly string[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  /** A string that must be a path pattern of paths.ts. */
  pathPattern?: boolean;
  /** A string that must be a real date written YYYY-MM-DD. */
  isoDate?: boolean;
  /** A string that must be a folder inside the repository (no `..`, not absolute). */
  repositoryPath?: boolean;
  /** A string that must be a glob of `ignores` (bounded, see ignores.ts). */
  glob?: boolean;
}

export type JsonPath = Array<string | number>;

export interface ConfigProblem {
  message: string;
  /** Where in the JSON document the problem is, for pointing at it. */
  path: JsonPath;
  /** A key the schema does not know: pointed at by its name rather than its value. */
  unknownKey?: boolean;
}

export function validate(value: unknown, schema: SchemaNode, path: JsonPath = []): ConfigProblem[] {
  const where = pathText(path) || 'the configuration';
  const typeError = checkType(value, schema.type);
  if (typeError) return [{ message: `${where} must be ${typeError}`, path }];
  const problems: ConfigProblem[] = [];
  const report = (message: string, at: JsonPath = path) => problems.push({ message, path: at });
  if (schema.enum && !schema.enum.includes(value as string)) report(`${where} must be one of ${schema.enum.join(', ')}`);
  if (schema.pathPattern && typeof value === 'string') {
    const badPattern = isValidPathPattern(value);
    if (badPattern) report(`${where} (${value}) ${badPattern}`);
  }
  if (schema.isoDate && typeof value === 'string' && !isoDate(value)) report(`${where} must be a date written YYYY-MM-DD`);
  if (typeof value === 'string') {
    const problem =
      value.length > MAX_STRING_CHARS ? `is longer than ${MAX_STRING_CHARS} characters` : (schema.repositoryPath && repositoryPathProblem(value)) || (schema.glob && globProblem(value)) || undefined;
    if (problem) report(`${where} (${value.slice(0, 80)}) ${problem}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) report(`${where} must be at least ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) report(`${where} must be at most ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_LIST_ITEMS) return [{ message: `${where} has more than ${MAX_LIST_ITEMS} items`, path }];
    if (schema.minItems !== undefined && value.length < schema.minItems) report(`${where} must have at least ${schema.minItems} item(s)`);
    if (schema.items) value.forEach((item, i) => problems.push(...validate(item, schema.items!, [...path, i])));
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) report(`${where} needs "${key}"`);
    for (const [key, child] of Object.entries(record)) {
      const sub = schema.properties?.[key];
      if (sub) problems.push(...validate(child, sub, [...path, key]));
      else if (schema.additionalProperties === false) problems.push({ message: `unknown setting "${pathText([...path, key])}"`, path: [...path, key], unknownKey: true });
    }
  }
  return problems;
}

function pathText(path: JsonPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

function checkType(value: unknown, type: string | undefined): string | undefined {
  switch (type) {
    case undefined:
      return undefined;
    case 'integer':
      return Number.isInteger(value) ? undefined : 'a whole number';
    case 'array':
      return Array.isArray(value) ? undefined : 'a list';
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? undefined : 'an object';
    default:
      return typeof value === type ? undefined : `a ${type}`;
  }
}
