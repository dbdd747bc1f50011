/**
 * `npm start` (or `node dist/src/main.js` in production): the one entry point and the
 * composition root, the only module that knows both the core and the platform adapters.
 *
 * Telegram and/or Slack run when their credentials are set; with neither, a person at
 * a terminal gets the chat, and anything else gets told which variables to set.
 */
import { createSlackChannel } from '../adapters/slack/channel.js';
import { createTelegramChannel } from '../adapters/telegram/channel.js';
import { type Assistant, createAssistant } from './assistant.js';
import type { Channel } from './channel.js';
import { runChat } from './cli/chat.js';
import { type Config, ConfigError, parseConfig } from './config.js';
import { explainProblems } from './knowledge/explain.js';
import type { Knowledge } from './knowledge/knowledge.js';
import { KnowledgeError, loadKnowledge } from './knowledge/load.js';
import { watchKnowledge } from './knowledge/watch.js';
import { createLogger, createPseudonymiser, type Logger, scrubSecrets } from './logger.js';
import { runService } from './service.js';
import { SETUP_HINT } from './setup-hint.js';
import { startUnansweredRecorder } from './unanswered/recorder.js';

/** Exit code when nothing is configured and no one is at a terminal: a setup problem, not a crash. */
const EXIT_NOTHING_TO_RUN = 2;

type Pseudonymiser = ReturnType<typeof createPseudonymiser>;

async function main(): Promise<void> {
  const config = parseConfigOrExit(process.env);
  const hasChannel = Boolean(config.telegram || config.slack);
  const interactive = !hasChannel && process.stdin.isTTY === true;
  if (!hasChannel && !interactive) {
    process.stderr.write(SETUP_HINT);
    process.exitCode = EXIT_NOTHING_TO_RUN;
    return;
  }

  const pseudonymise = createPseudonymiser(config.pseudonymKey);
  const logger = createLogger({
    // Info lines would garble the chat prompt; debug and trace are asked for on purpose.
    level: interactive && config.logLevel === 'info' ? 'warn' : config.logLevel,
    pretty: config.logPretty || process.stderr.isTTY === true,
    secrets: [config.telegram?.token, config.telegram?.webhook?.secret, config.slack?.botToken, config.slack?.appToken, config.slack?.signingSecret],
    pseudonymise,
  });
  const knowledge = loadKnowledgeOrExit(config.knowledgeDir);
  const unanswered = startUnansweredRecorder(config.unanswered, logger);
  const assistant = createAssistant(knowledge, { onUnanswered: (question) => unanswered.record(question) });
  const watcher = config.knowledgeReload
    ? watchKnowledge({ dir: config.knowledgeDir, logger, onReload: (next) => assistant.setKnowledge(next) })
    : undefined;

  if (interactive) {
    await runChat({ assistant, input: process.stdin, output: process.stdout, terminal: true });
    watcher?.close();
    unanswered.stop();
    return;
  }

  await runService({
    channels: createChannels(config, assistant, logger, pseudonymise),
    http: { host: config.host, port: config.port },
    logger,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    alsoStop: [
      { name: 'knowledge watcher', run: () => watcher?.close() },
      { name: 'unanswered recorder', run: () => unanswered.stop() },
    ],
  });
}

/** Adapters add their own `channel` field to the logger and get the configured pseudonymiser. */
function createChannels(config: Config, assistant: Assistant, logger: Logger, pseudonymise: Pseudonymiser): Channel[] {
  const channels: Channel[] = [];
  if (config.telegram) channels.push(createTelegramChannel(config.telegram, assistant, logger, { pseudonymise }));
  if (config.slack) channels.push(createSlackChannel(config.slack, assistant, logger, { pseudonymise }));
  return channels;
}

function parseConfigOrExit(env: NodeJS.ProcessEnv): Config {
  try {
    return parseConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\nSee .env.example for every variable and its default.\n`);
    process.exit(1);
  }
}

function loadKnowledgeOrExit(dir: string): Knowledge {
  try {
    return loadKnowledge(dir);
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    process.stderr.write(`${explainProblems(error.problems).join('\n')}\nFix the file(s) above, or run \`npm run kb:check\` for details.\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`fatal: ${scrubSecrets(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
  process.exit(1);
});
