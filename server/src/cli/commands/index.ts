import type { Command } from '../command.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { measureCommand } from './measure.js';
import { seedCommand } from './seed.js';
import { statsCommand } from './stats.js';

/** Every `kg` subcommand, in the order `kg --help` lists them. One line each: a command registers itself here. */
export const commands: Command[] = [
  importCommand,
  exportCommand,
  seedCommand,
  statsCommand,
  measureCommand,
];
