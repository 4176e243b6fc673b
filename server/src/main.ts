import { loadConfig } from './config.js';
import { StartupError } from './errors.js';
import { createLogger } from './logger.js';
import { startService, type Service } from './service.js';

/**
 * `npm start`: the service with its database. SIGTERM or Ctrl-C drains the requests in flight, then stops
 * both and leaves no JVM behind (exit 0); a second signal exits at once (the local Neo4j then stops by
 * itself when its standard input closes).
 */
async function main(): Promise<void> {
  let service: Service | undefined;
  let stopping = false;
  const starting = new AbortController();
  const stop = async (signal: string) => {
    if (stopping) {
      process.stderr.write(`${signal} again: exiting now.\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`\n${signal}: stopping…\n`);
    // While starting, startService stops what it has started and rejects; main() then exits.
    if (!service) return starting.abort();
    await service.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    const config = loadConfig();
    const logger = createLogger(config.log);
    service = await startService(config, logger, { signal: starting.signal });
    if (stopping) {
      await service.stop();
      process.exit(0);
    }
  } catch (err) {
    if (stopping) process.exit(0);
    if (err instanceof StartupError) {
      process.stderr.write(`error: ${err.message}\n`);
    } else {
      process.stderr.write(`error: unexpected failure while starting: ${err instanceof Error ? err.stack : String(err)}\n`);
    }
    process.exit(1);
  }
}

void main();
