import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { DocumentInfoRequest, TeamsRequest } from '../protocol';

// Any editor may send anything: a request whose params are not of its shape is answered
// InvalidParams, before a handler reads a field of `null` and answers an internal error.

type Check = (params: unknown) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;
const isPosition = (value: unknown) => isObject(value) && isCount(value.line) && isCount(value.character);

const textDocument: Check = (params) => (isObject(params) && isObject(params.textDocument) && typeof params.textDocument.uri === 'string' ? undefined : 'textDocument.uri must be a string');
const position: Check = (params) => textDocument(params) ?? (isPosition((params as Record<string, unknown>).position) ? undefined : 'position must be { line, character } with whole numbers from 0');
const codeAction: Check = (params) => {
  const problem = textDocument(params);
  if (problem) return problem;
  const { range, context } = params as Record<string, unknown>;
  if (!isObject(range) || !isPosition(range.start) || !isPosition(range.end)) return 'range must have a start and an end position';
  if (!isObject(context) || (context.only !== undefined && !(Array.isArray(context.only) && context.only.every((k) => typeof k === 'string')))) return 'context must be an object; context.only a list of kinds';
  return undefined;
};
const uriParams: Check = (params) => (isObject(params) && typeof params.uri === 'string' ? undefined : 'uri must be a string');

/** The checks of the requests whose params the handlers read, by how they are registered. */
const CHECKS = {
  onHover: position,
  onCompletion: position,
  onCodeAction: codeAction,
  onDocumentSymbol: textDocument,
  onDocumentLinks: textDocument,
  onExecuteCommand: (params: unknown) => (isObject(params) && typeof params.command === 'string' ? undefined : 'command must be a string'),
} as const;
const CUSTOM_CHECKS: Record<string, Check> = { [TeamsRequest.method]: uriParams, [DocumentInfoRequest.method]: uriParams };

type Handler = (params: unknown, ...rest: unknown[]) => unknown;

function guarded(check: Check, handler: Handler): Handler {
  return (params, ...rest) => {
    const problem = check(params);
    if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
    return handler(params, ...rest);
  };
}

/** Makes the connection check the params of every request registered on it afterwards. */
export function rejectInvalidParams(connection: Connection): void {
  const registry = connection as unknown as Record<string, (handler: Handler) => unknown>;
  for (const [method, check] of Object.entries(CHECKS)) {
    const register = registry[method].bind(connection);
    registry[method] = (handler: Handler) => register(guarded(check, handler));
  }
  // `languages.diagnostics` is a getter that makes a new object each time: the getter is wrapped.
  const languages = connection.languages;
  const prototype = Object.getPrototypeOf(languages) as object;
  Object.defineProperty(languages, 'diagnostics', {
    get() {
      const diagnostics = Reflect.get(prototype, 'diagnostics', languages) as { on: (handler: Handler) => unknown };
      return { ...diagnostics, on: (handler: Handler) => diagnostics.on(guarded(textDocument, handler)) };
    },
  });
  const onRequest = connection.onRequest.bind(connection) as (method: unknown, handler: Handler) => unknown;
  (connection as unknown as { onRequest: typeof onRequest }).onRequest = (method, handler) => {
    // Registered by name or, as protocol.ts declares them, by a RequestType.
    const name = typeof method === 'string' ? method : (method as { method?: unknown } | undefined)?.method;
    const check = typeof name === 'string' ? CUSTOM_CHECKS[name] : undefined;
    return onRequest(method, check ? guarded(check, handler) : handler);
  };
}
