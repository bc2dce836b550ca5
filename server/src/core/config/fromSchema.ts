/**
 * The TypeScript type of the values a JSON schema (written `as const`) accepts, for the keywords the
 * config's schema uses: so a shape is stated once, in the schema, and the compiler knows it too.
 */
export type FromSchema<S> = S extends { readonly enum: readonly (infer E)[] }
  ? E
  : S extends { readonly type: 'string' }
    ? string
    : S extends { readonly type: 'integer' | 'number' }
      ? number
      : S extends { readonly type: 'boolean' }
        ? boolean
        : S extends { readonly type: 'array'; readonly items: infer I }
          ? Array<FromSchema<I>>
          : S extends { readonly type: 'object'; readonly properties: infer P }
            ? Properties<P, S extends { readonly required: readonly (infer R)[] } ? R : never>
            : unknown;

type Properties<P, Required> = Flat<{ -readonly [K in keyof P as K extends Required ? K : never]: FromSchema<P[K]> } & { -readonly [K in keyof P as K extends Required ? never : K]?: FromSchema<P[K]> }>;

type Flat<T> = { [K in keyof T]: T[K] };
