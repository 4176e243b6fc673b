import { loadConfig } from './config.js';
import { StartupError } from './errors.js';
import { createLogger } from './logger.js';
import { startService, type Service } from './service.js';

/** `npm start`: the service with its database; Ctrl-C stops both and leaves no JVM behind. */
async function main(): Promise<void> {
  let service: Service | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal}: stopping…\n`);
    await service?.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    const config = loadConfig();
    const logger = createLogger(config.log);
    service = await startService(config, logger);
    if (stopping) await service.stop();
  } catch (err) {
    if (err instanceof StartupError) {
      process.stderr.write(`error: ${err.message}\n`);
    } else {
      process.stderr.write(`error: unexpected failure while starting: ${err instanceof Error ? err.stack : String(err)}\n`);
    }
    process.exit(1);
  }
}

void main();
