/**
 * `npm start` (or `node dist/app/main.js` in production): the one entry point and the
 * composition root, the only module that knows both the core and the platform adapters.
 *
 * Telegram and/or Slack run when their credentials are set; with neither, a person at
 * a terminal gets the chat, and anything else gets told which variables to set.
 */
import { type Assistant, createAssistant } from './assistant.js';
import type { Channel } from './channel.js';
import { runChat } from './cli/chat.js';
import { type Config, ConfigError, parseConfig, withDotEnv } from './config.js';
import { createHandoff, type Handoff } from './handoff/handoff.js';
import type { HandoffBoardProvider, HandoffChatProvider } from './handoff/port.js';
import { type AnswerAdopter, createAnswerAdopter } from './knowledge/adopt.js';
import { explainProblems } from './knowledge/explain.js';
import type { Knowledge } from './knowledge/knowledge.js';
import { KnowledgeError, loadKnowledge } from './knowledge/load.js';
import { watchKnowledge } from './knowledge/watch.js';
import { createLogger, createPseudonymiser, type Logger, scrubSecrets } from './logger.js';
import { installProcessErrorPolicy } from './process-errors.js';
import { runService } from './service.js';
import { explainStartFailure, SETUP_HINT } from './setup-hint.js';
import { StorageError } from './storage/database.js';
import { openStorage, type Storage } from './storage/storage.js';
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
  const errorPolicy = installProcessErrorPolicy({ logger, onFatal: () => process.exit(1) });
  const knowledge = loadKnowledgeOrExit(config.knowledgeDir);

  if (interactive) {
    // Without a usable data directory the terminal chat only loses the record of unanswered questions.
    const storage = openStorageOrWarn(config.dataDir, logger);
    const core = startCore(config, knowledge, storage, logger);
    await runChat({ assistant: core.assistant, input: process.stdin, output: process.stdout, terminal: true });
    core.stop();
    storage?.close();
    return;
  }

  // The channels cannot run without their durable intake.
  const storage = openStorageOrExit(config.dataDir, logger);
  const core = startCore(config, knowledge, storage, logger);
  if (config.handoffOffBecause) logger.warn(`${config.handoffOffBecause}; the hand-off is off`);
  const handoff = config.handoff ? createHandoff({ db: storage.db, config: config.handoff, logger }) : undefined;
  const channels = await createChannels(config, core.assistant, logger, {
    pseudonymise,
    intake: storage.intake,
    handoff,
    handoffChannel: config.handoff?.channel,
    adopter: handoff ? core.adopter : undefined,
  });
  const service = await runService({
    channels,
    http: { host: config.host, port: config.port },
    logger,
    shutdownTimeoutMs: config.shutdownTimeoutMs,
    alsoStop: [
      { name: 'hand-off outbox', run: () => handoff?.stop() },
      { name: 'knowledge watcher and unanswered recorder', run: () => core.stop() },
    ],
    stopLast: [{ name: 'storage', run: () => storage.close() }],
    explainStartFailure: (channel, error) => explainStartFailure(channel, error, { socketMode: Boolean(config.slack?.appToken) }),
  });
  errorPolicy.setOnFatal((reason) => void service.control.shutdown(reason, 1));
  // `started` also settles when a channel failed and the service is shutting down: then nothing starts.
  if (handoff) void service.started.then(() => service.health.isReady() && startHandoff(handoff, channels, logger));
}

/** The hand-off sends through the Slack adapter (board) and the Telegram adapter (chat), once both run. */
function startHandoff(handoff: Handoff, channels: readonly Channel[], logger: Logger): void {
  const board = channels.map((channel) => (channel as Partial<HandoffBoardProvider>).handoffBoard).find(Boolean);
  const chat = channels.map((channel) => (channel as Partial<HandoffChatProvider>).handoffChat).find(Boolean);
  if (!board || !chat) {
    logger.warn('SLACK_HANDOFF_CHANNEL is set, but these adapters do not offer the hand-off yet; it is off');
    return;
  }
  handoff.start({ board, chat });
  logger.info('hand-off to the network team is on');
}

/**
 * The assistant with what keeps it current (hot reload, answers adopted from the hand-off)
 * and what it reports (unanswered questions).
 */
function startCore(
  config: Config,
  knowledge: Knowledge,
  storage: Storage | undefined,
  logger: Logger,
): { assistant: Assistant; adopter: AnswerAdopter; stop(): void } {
  const unanswered = startUnansweredRecorder(config.unanswered, storage?.db, logger);
  const assistant = createAssistant(knowledge, { onUnanswered: (question) => unanswered.record(question) });
  const adopter = createAnswerAdopter({ knowledgeDir: config.knowledgeDir, onKnowledge: (next) => assistant.setKnowledge(next) });
  const watcher = config.knowledgeReload
    ? watchKnowledge({ dir: config.knowledgeDir, logger, onReload: (next) => assistant.setKnowledge(next) })
    : undefined;
  return {
    assistant,
    adopter,
    stop() {
      watcher?.close();
      unanswered.stop();
    },
  };
}

/**
 * What every adapter gets besides its config: the pseudonymiser, the durable intake, and
 * when the hand-off is on, the hand-off and what writes the team's answers into the knowledge.
 */
interface AdapterServices {
  pseudonymise: Pseudonymiser;
  intake: Storage['intake'];
  handoff: Handoff | undefined;
  /** SLACK_HANDOFF_CHANNEL, where the Slack adapter posts the tickets. */
  handoffChannel: string | undefined;
  adopter: AnswerAdopter | undefined;
}

/**
 * Adapters add their own `channel` field to the logger; each takes from `services` what
 * its options declare. Each is loaded only when configured: Bolt alone holds some 13 MB
 * of a Telegram-only bot's memory, grammY some 5 MB of a Slack-only one.
 */
async function createChannels(config: Config, assistant: Assistant, logger: Logger, services: AdapterServices): Promise<Channel[]> {
  const channels: Channel[] = [];
  if (config.telegram) {
    const { createTelegramChannel } = await import('../adapters/telegram/channel.js');
    channels.push(createTelegramChannel(config.telegram, assistant, logger, services));
  }
  if (config.slack) {
    const { createSlackChannel } = await import('../adapters/slack/channel.js');
    channels.push(createSlackChannel(config.slack, assistant, logger, services));
  }
  return channels;
}

function openStorageOrExit(dir: string, logger: Logger): Storage {
  try {
    const storage = openStorage({ dir, logger });
    logger.info({ file: storage.file }, 'storage open');
    return storage;
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

function openStorageOrWarn(dir: string, logger: Logger): Storage | undefined {
  try {
    return openStorage({ dir, logger });
  } catch (error) {
    if (!(error instanceof StorageError)) throw error;
    logger.warn({ err: error }, 'cannot open the storage; unanswered questions are not recorded');
    return undefined;
  }
}

function parseConfigOrExit(env: NodeJS.ProcessEnv): Config {
  try {
    return parseConfig(withDotEnv(env));
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
