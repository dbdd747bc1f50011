/**
 * `npm run report`: the questions the bot could not answer, most frequent first, so
 * editors see what to add to the knowledge.
 *
 *   npm run report                    the 20 most frequent within the retention period
 *   npm run report -- --limit 50      more rows
 *   npm run report -- --days 7        only the last week
 *
 * Reads the store where the bot writes it (DATA_DIR, default `data/`). Read only:
 * safe to run while the bot is running.
 */
import { ConfigError, parseConfig, withDotEnv } from '../src/config.js';
import { formatUnansweredReport, groupUnanswered } from '../src/unanswered/report.js';
import { readUnanswered } from '../src/unanswered/store.js';

function parseArgs(argv: string[]): { limit: number; days: number | undefined } {
  let limit = 20;
  let days: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = Number(argv[i + 1]);
    if ((arg === '--limit' || arg === '--days') && Number.isInteger(value) && value > 0) {
      if (arg === '--limit') limit = value;
      else days = value;
      i++;
    } else {
      console.error(`report: unexpected argument ${arg ?? ''}\nusage: npm run report -- [--limit N] [--days N]`);
      process.exit(2);
    }
  }
  return { limit, days };
}

function main(): void {
  const { limit, days } = parseArgs(process.argv.slice(2));
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(withDotEnv(process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { retentionDays, enabled } = config.unanswered;
  const dir = config.dataDir;
  const entries = readUnanswered({ dir, retentionDays: days ? Math.min(days, retentionDays) : retentionDays });
  if (!enabled) console.log('Note: recording is switched off (UNANSWERED_ENABLED=false); showing what was recorded before.\n');
  process.stdout.write(formatUnansweredReport(groupUnanswered(entries), entries.length, limit));
}

main();
