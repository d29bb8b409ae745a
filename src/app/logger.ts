import pino, { type DestinationStream } from 'pino';
import type { AppLogger } from './app-context.js';

/**
 * Fields that may hold PHI or secrets, at the top level and one level down (`*.x`). Log calls pass
 * identifiers and counts only; this list is the safety net (architecture.md, "PHI").
 */
const SENSITIVE = [
  'name',
  'patientName',
  'birthDate',
  'mrn',
  'email',
  'password',
  'token',
  'csrfToken',
  'cookie',
  'authorization',
  'parameters',
  'params',
];
export const REDACT_PATHS = [
  ...SENSITIVE,
  ...SENSITIVE.map((f) => `*.${f}`),
  'headers.cookie',
  'headers.authorization',
  'req.headers.cookie',
  'req.headers.authorization',
  'sql.parameters',
];

export interface LoggerOptions {
  level?: 'debug' | 'info' | 'warn' | 'error' | 'silent';
  /** Where JSON lines go (tests pass a stream); default stdout. */
  stream?: DestinationStream;
}

/** JSON lines (pino) with PHI-bearing fields redacted. */
export function createLogger(options: LoggerOptions = {}): AppLogger {
  const settings = {
    level: options.level ?? 'info',
    base: null,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
  };
  return options.stream ? pino(settings, options.stream) : pino(settings);
}
