import type { Config } from '../config.js';
import type { Identity } from '../identity.js';
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
  /** Who is calling: an API key's name and role, an EDITOR_TOKEN holder, or anonymous. */
  identity: Identity;
  /** True when the caller is an editor or an admin (mutations need it). */
  editor: boolean;
  /** Who is editing, for the audit trail: the key's name (the X-Editor-Name header for EDITOR_TOKEN holders). */
  editorName: string;
}
