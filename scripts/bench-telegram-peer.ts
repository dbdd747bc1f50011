import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize } from '@grammyjs/runner';
import { Bot } from 'grammy';

/**
 * The yardstick of `bench-telegram.ts`: a bare, idiomatic grammY bot as its docs teach
 * it. Long polling through `@grammyjs/runner` with `sequentialize` per chat (so each
 * chat's answers keep their order, as this bot's do), `@grammyjs/auto-retry`, and one
 * `sendMessage` with a fixed text per update; a button press is acknowledged first,
 * as every bot must. No core, no logging, no storage: what is left is grammY itself.
 *
 *   node --import tsx scripts/bench-telegram-peer.ts <token> <apiRoot> <answer text>
 */
const [token, apiRoot, answer] = process.argv.slice(2);
if (!token || !apiRoot || !answer) throw new Error('usage: bench-telegram-peer.ts <token> <apiRoot> <answer text>');

const bot = new Bot(token, { client: { apiRoot } });
bot.api.config.use(autoRetry());
bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
bot.on('callback_query:data', async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(answer);
});
bot.on('message', (ctx) => ctx.reply(answer));
bot.catch((error) => console.error('peer: update failed', error.message));

const runner = run(bot);
const stop = () => void runner.stop()?.then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
