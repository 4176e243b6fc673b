import { graphSummary } from '../../modules/export/summary.js';
import { DATABASE_HELP, DATABASE_OPTIONS, parseCommandLine, print, table, type Command } from '../command.js';
import { withDatabase } from '../database.js';

const byCount = (r: Record<string, number>) => Object.entries(r).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));

export const statsCommand: Command = {
  name: 'stats',
  help: `Usage: kg stats [--uri URI] [--json]

What the database holds: entities by kind, relationships between entities by type, both by origin (seed,
edit, import), the imports recorded by status, and every source with how many statements cite it.

Options:
${DATABASE_HELP}`,
  async run(args, io) {
    const { values } = parseCommandLine(args, DATABASE_OPTIONS, { min: 0, max: 0, names: '' });
    return withDatabase({ uri: values.uri, progress: (l) => void io.stderr.write(`${l}\n`) }, async (db) => {
      const s = await graphSummary(db.deps);
      if (values.json) {
        await print(io.stdout, JSON.stringify(s));
        return 0;
      }
      const origins = (r: Record<string, number>) => byCount(r).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
      await print(io.stdout, [
        `${s.entities.total} entities (by origin: ${origins(s.entities.byOrigin)})`,
        table(['kind', 'entities'], byCount(s.entities.byKind)),
        '',
        `${s.relationships.total} relationships (by origin: ${origins(s.relationships.byOrigin)})`,
        table(['type', 'relationships'], byCount(s.relationships.byType)),
        '',
        `imports: ${origins(s.imports)}`,
        '',
        table(['source', 'year', 'statements', 'title'], s.sources.map((x) => [x.key, x.year, x.statements, x.title])),
      ].join('\n'));
      return 0;
    });
  },
};
