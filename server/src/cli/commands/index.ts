import type { Command, CommandEntry } from '../command.js';

/**
 * Every `kg` subcommand, in the order `kg --help` lists them: its name and one-line summary here, its
 * implementation loaded only when it runs or shows its help (`kg import` need not load the analytics, the
 * export or the seed loader, nor their dependencies: start-up is part of every command's time). One entry
 * each: a command registers itself here.
 */
export const commands: CommandEntry[] = [
  { name: 'import', summary: 'import a network from CSV, XLSX, JSON, GraphML or GEXF files; list and undo imports', load: async (): Promise<Command> => (await import('./import.js')).importCommand },
  { name: 'export', summary: 'write the graph, a cluster, a neighbourhood or some entities as CSV, JSON, GEXF or GraphML', load: async (): Promise<Command> => (await import('./export.js')).exportCommand },
  { name: 'seed', summary: 'check the seed files, or check and load them into the database', load: async (): Promise<Command> => (await import('./seed.js')).seedCommand },
  { name: 'stats', summary: 'count entities by kind, relationships by type, both by origin, imports and sources', load: async (): Promise<Command> => (await import('./stats.js')).statsCommand },
  { name: 'measure', summary: 'run brokerage, structural holes or centrality on the graph or part of it and print or write the table', load: async (): Promise<Command> => (await import('./measure.js')).measureCommand },
];
