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
}

export function validate(value: unknown, schema: SchemaNode, path = ''): string[] {
  const where = path || 'the configuration';
  const typeError = checkType(value, schema.type);
  if (typeError) return [`${where} must be ${typeError}`];
  const errors: string[] = [];
  if (schema.enum && !schema.enum.includes(value as string)) errors.push(`${where} must be one of ${schema.enum.join(', ')}`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${where} must be at least ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${where} must be at most ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${where} must have at least ${schema.minItems} item(s)`);
    if (schema.items) value.forEach((item, i) => errors.push(...validate(item, schema.items!, `${path}[${i}]`)));
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in record)) errors.push(`${where} needs "${key}"`);
    for (const [key, child] of Object.entries(record)) {
      const sub = schema.properties?.[key];
      const childPath = path ? `${path}.${key}` : key;
      if (sub) errors.push(...validate(child, sub, childPath));
      else if (schema.additionalProperties === false) errors.push(`unknown setting "${childPath}"`);
    }
  }
  return errors;
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
