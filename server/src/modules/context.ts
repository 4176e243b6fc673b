import type { Config } from '../config.js';
import type { Executor } from '../neo4j/executor.js';
import type { Loaders } from './entities/loaders.js';

export type { Loaders };

/** What a module's service functions need: the per-request executor, the configured limits, the loaders. */
export interface ServiceDeps {
  executor: Executor;
  limits: Config['limits'];
  loaders: Loaders;
}

/** What every resolver receives: the service dependencies plus the configuration and the caller. */
export interface Context extends ServiceDeps {
  config: Config;
  /** True when the request carries the editor token (mutations need it). */
  editor: boolean;
  /** Who is editing, for the audit trail (the X-Editor-Name header, or "editor"). */
  editorName: string;
}
