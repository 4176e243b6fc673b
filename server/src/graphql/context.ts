import type DataLoader from 'dataloader';
import type { Config } from '../config.js';
import type { Executor, Row } from '../neo4j/executor.js';

/** What every resolver receives: a per-request executor (it counts round trips), loaders and the caller. */
export interface Context {
  executor: Executor;
  config: Config;
  /** True when the request carries the editor token (mutations need it). */
  editor: boolean;
  /** Who is editing, for the audit trail (the X-Editor-Name header, or "editor"). */
  editorName: string;
  loaders: Loaders;
}

export interface Loaders {
  entity: DataLoader<string, Row | null>;
  provenance: DataLoader<string, Row[]>;
  links: DataLoader<string, Row[]>;
}
