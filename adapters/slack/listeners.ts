import type { App, webApi } from '@slack/bolt';
import type { Assistant } from '../../src/assistant.js';
import type { Logger } from '../../src/logger.js';
import { createAnswerSlots } from './answer-slots.js';
import { buildHomeView } from './app-home.js';
import { deliver } from './deliver.js';
import { renderNotice, renderReply } from './render.js';
import {
  CHOICE_ACTION_PREFIX,
  type SlackActionFields,
  type SlackEventFields,
  type Translation,
  translateAction,
  translateBody,
  translateCommand,
  translateEvent,
} from './to-message.js';

/** What Bolt's extended error handler receives (the type itself is not exported; the last `error` overload is it). */
type FailureArgs = Parameters<Parameters<App['error']>[0]>[0];

/** The slash command registered in manifest.yaml. */
export const SLASH_COMMAND = '/engagiert';

/** Said when something broke; bilingual because the core, which knows the language, may be what broke. */
const APOLOGY =
  'Entschuldigung, da ist bei mir etwas schiefgegangen. Bitte versuch es gleich noch einmal.\n' +
  'Sorry, something went wrong on my side. Please try again in a moment.';

export interface ListenerDeps {
  assistant: Assistant;
  logger: Logger;
  pseudonymise: (userId: string | undefined) => string | undefined;
  /** Answers worked on at once; more wait, acked already (see answer-slots.ts). */
  concurrentAnswers: number;
}

/**
 * Wires Slack's events, the slash command, the suggestion buttons and the App Home
 * to the core. Every listener acks first (commands and buttons have 3 seconds), then
 * translates, asks the core and delivers; faults go to `app.error`, which logs and
 * apologises in the same place.
 */
export function registerListeners(app: App, { assistant, logger, pseudonymise, concurrentAnswers }: ListenerDeps): void {
  const slots = createAnswerSlots(concurrentAnswers);
  const answer = async (kind: string, translation: Translation, client: webApi.WebClient) => {
    if (!translation.answer) {
      logger.debug({ kind, reason: translation.reason }, 'slack payload skipped');
      return;
    }
    const reply = await slots.run(async () => {
      const reply = assistant.respond(translation.message);
      await deliver(client, translation.target, renderReply(reply));
      return reply;
    });
    logger.info(
      {
        kind,
        user: pseudonymise(translation.message.userId),
        intent: reply.intent,
        fallback: reply.fallback,
        confidence: reply.confidence,
      },
      'slack answer sent',
    );
  };

  app.event('app_mention', async ({ event, context, client }) => {
    await answer('mention', translateEvent(event as SlackEventFields, context.botUserId), client);
  });

  app.event('message', async ({ event, context, client }) => {
    await answer('direct', translateEvent(event as SlackEventFields, context.botUserId), client);
  });

  app.command(SLASH_COMMAND, async ({ command, ack, client }) => {
    await ack();
    await answer('command', translateCommand(command), client);
  });

  app.action({ type: 'block_actions', action_id: new RegExp(`^${CHOICE_ACTION_PREFIX}\\d+$`) }, async ({ body, ack, client }) => {
    await ack();
    await answer('button', translateAction(body as SlackActionFields), client);
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await slots.run(() => client.views.publish({ user_id: event.user, view: buildHomeView(assistant) }));
    logger.info({ kind: 'home', user: pseudonymise(event.user) }, 'slack app home published');
  });

  // Needs `extendedErrorHandler: true` on the App, so the handler sees the body it failed on.
  app.error(async ({ error, body, context }: FailureArgs) => {
    logger.error({ err: error }, 'slack handler failed');
    const translation = translateBody(body, context?.botUserId);
    if (!translation.answer) return;
    try {
      await deliver(app.client, translation.target, renderNotice(APOLOGY));
    } catch (apologyError) {
      logger.error({ err: apologyError }, 'slack apology failed too');
    }
  });
}
