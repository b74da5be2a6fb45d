import pino from 'pino';

export type Logger = pino.Logger;

/** JSON-lines logger on stderr; `silent` in tests unless LOG_LEVEL says otherwise. */
export function createLogger(level: 'debug' | 'info' | 'warn' | 'error' | 'silent'): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}
