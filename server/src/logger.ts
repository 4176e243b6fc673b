import { pino, type Logger } from 'pino';

/** JSON logs in production and CI; readable lines when a person is watching a terminal. */
export function createLogger(opts: { level: string; format: 'pretty' | 'json' }): Logger {
  if (opts.format === 'pretty') {
    return pino({ level: opts.level, transport: { target: 'pino-pretty', options: { colorize: true, translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } });
  }
  return pino({ level: opts.level });
}

export type { Logger };
