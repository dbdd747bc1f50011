import { describe, expect, it } from 'vitest';
import { botProfile, MAX_DESCRIPTION, MAX_SHORT_DESCRIPTION } from '../../../adapters/telegram/profile.js';
import { realAssistant } from '../../support/assistant.js';

describe('botProfile', () => {
  const assistant = realAssistant();

  it.each(['de', 'en'] as const)('fits Telegram in %s without being cut, every text from the catalogue', (locale) => {
    const profile = botProfile(assistant.say, locale);
    expect(assistant.say(locale, 'telegram-description').length).toBeLessThanOrEqual(MAX_DESCRIPTION);
    expect(assistant.say(locale, 'telegram-short-description').length).toBeLessThanOrEqual(MAX_SHORT_DESCRIPTION);
    expect(profile.description).toBe(assistant.say(locale, 'telegram-description'));
    for (const { command, description } of profile.commands) {
      expect(command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(description.length).toBeGreaterThan(0);
      expect(description.length).toBeLessThanOrEqual(256);
    }
  });

  it('speaks the language it is asked for', () => {
    expect(botProfile(assistant.say, 'de').commands[1]).toEqual({ command: 'hilfe', description: assistant.say('de', 'telegram-command-help') });
    expect(botProfile(assistant.say, 'en').shortDescription).not.toBe(botProfile(assistant.say, 'de').shortDescription);
  });

  it('offers /frage (/question) in the menu only when the hand-off is on', () => {
    const names = (locale: 'de' | 'en', askTeam: boolean) => botProfile(assistant.say, locale, { askTeam }).commands.map((c) => c.command);
    expect(names('de', false)).not.toContain('frage');
    expect(names('de', true)).toEqual([...names('de', false), 'frage']);
    expect(names('en', true)).toEqual([...names('en', false), 'question']);
    expect(botProfile(assistant.say, 'de', { askTeam: true }).commands.at(-1)!.description).toBe(assistant.say('de', 'handoff-telegram-command'));
  });
});
