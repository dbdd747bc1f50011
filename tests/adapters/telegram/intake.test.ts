import { performance } from 'node:perf_hooks';
import type { Update } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryIntake, type UpdateIntake } from '../../../adapters/telegram/intake.js';
import { FakeTelegram } from '../../support/fake-telegram.js';
import { type RunningBot, scriptedAssistant, startPollingBot } from './harness.js';

let bot: RunningBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

const echo = () => scriptedAssistant((m) => ({ text: `Antwort auf ${m.text}` }));

/** An intake that notes when each update was recorded and finished. */
function watchedIntake(): UpdateIntake & { recordedAt: Map<number, number>; finishedAt: Map<number, number> } {
  const inner = createMemoryIntake();
  const recordedAt = new Map<number, number>();
  const finishedAt = new Map<number, number>();
  return {
    recordedAt,
    finishedAt,
    record(updates) {
      for (const update of updates) recordedAt.set(update.update_id, performance.now());
      return inner.record(updates);
    },
    finish(updateId) {
      finishedAt.set(updateId, performance.now());
      inner.finish(updateId);
    },
    unfinished: () => inner.unfinished(),
  };
}

describe('Telegram channel: durable intake in polling', () => {
  it('records every update before the getUpdates that confirms it, and finishes it after its answer', async () => {
    const intake = watchedIntake();
    bot = await startPollingBot(echo(), { intake });
    const { fake } = bot;
    const updates = Array.from({ length: 30 }, (_, i) => fake.updates.text(800 + (i % 5), `Frage ${i}`));
    for (const update of updates) fake.deliver(update);
    await fake.waitFor(() => fake.sentMessages().length >= 30, 'thirty answers');
    await bot.channel.stop();
    const polls = fake.callsOf('getUpdates');
    for (const update of updates) {
      const confirming = polls.find((call) => Number(call.payload.offset) > update.update_id)!;
      expect(intake.recordedAt.get(update.update_id)).toBeLessThan(confirming.at);
      const answer = fake.sentMessages().find((call) => call.visibleText === `Antwort auf ${update.message!.text}`)!;
      expect(intake.finishedAt.get(update.update_id)).toBeGreaterThan(answer.at);
    }
    expect(intake.unfinished()).toEqual([]);
  });

  it('at start, answers what the last run left unfinished, and a re-delivered update only once', async () => {
    const fake = await FakeTelegram.start();
    const intake = createMemoryIntake();
    const left: Update[] = [fake.updates.text(811, 'liegen geblieben 1'), fake.updates.text(812, 'liegen geblieben 2')];
    intake.record(left);
    // Telegram never got the confirmation for the first one, so it delivers it again.
    fake.deliver(left[0]!);
    fake.deliver(fake.updates.text(811, 'neu'));
    bot = await startPollingBot(echo(), { fake, intake });
    await fake.waitFor(() => fake.sentMessages(811).length >= 2 && fake.sentMessages(812)[0], 'three answers');
    await bot.channel.stop();
    expect(fake.sentMessages(811).map((call) => call.visibleText)).toEqual(['Antwort auf liegen geblieben 1', 'Antwort auf neu']);
    expect(fake.sentMessages(812).map((call) => call.visibleText)).toEqual(['Antwort auf liegen geblieben 2']);
    expect(intake.unfinished()).toEqual([]);
  });

  it('leaves updates whose answer could not be sent unfinished when it stops', async () => {
    const intake = createMemoryIntake();
    bot = await startPollingBot(echo(), { intake, retryPauseMs: 60_000 });
    const { fake } = bot;
    fake.failNext('sendMessage', { status: 'drop' }, 3);
    const update = fake.updates.text(813, 'Hallo');
    fake.deliver(update);
    await fake.waitFor(() => fake.callsOf('sendMessage').length >= 3, 'three failed attempts');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await bot.channel.stop();
    expect(intake.unfinished().map((u) => u.update_id)).toEqual([update.update_id]);
  });
});
