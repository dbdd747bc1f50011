import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLASH_COMMAND } from '../../../adapters/slack/listeners.js';
import { Catalogue } from '../../../src/i18n/catalogue.js';
import { PRODUCT_MESSAGES_DIR, readMessageSources } from '../../../src/i18n/messages.js';

const ADAPTER_DIR = 'adapters/slack';
const manifest = parse(readFileSync(join(ADAPTER_DIR, 'manifest.yaml'), 'utf8')) as {
  features: { slash_commands: Array<{ command: string; description: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] } };
};
const code = readdirSync(ADAPTER_DIR)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => readFileSync(join(ADAPTER_DIR, file), 'utf8'))
  .join('\n');

describe('manifest.yaml', () => {
  const events = manifest.settings.event_subscriptions.bot_events;
  const scopes = manifest.oauth_config.scopes.bot;

  it('subscribes to what the listeners handle, with the scopes each needs', () => {
    // Thread follow-ups arrive as message.channels / message.groups; DMs as message.im.
    const needs: Record<string, string> = {
      app_mention: 'app_mentions:read',
      'message.channels': 'channels:history',
      'message.groups': 'groups:history',
      'message.im': 'im:history',
      app_home_opened: '',
    };
    for (const [event, scope] of Object.entries(needs)) {
      expect(events).toContain(event);
      if (scope) expect(scopes).toContain(scope);
    }
    // chat.postMessage, the slash command, users.info for the App Home's language.
    for (const scope of ['chat:write', 'commands', 'users:read']) expect(scopes).toContain(scope);
  });

  it('registers the slash command the listeners answer, in the form of address "Sie"', () => {
    const [command] = manifest.features.slash_commands;
    expect(command?.command).toBe(SLASH_COMMAND);
    expect(command?.description).toMatch(/\bSie\b/);
    expect(command?.description).not.toMatch(/\b(du|dich|dir|dein\w*)\b/i);
  });
});

describe('the Slack adapter’s sentences', () => {
  const catalogue = Catalogue.fromSources(readMessageSources(PRODUCT_MESSAGES_DIR));
  const ids = [...new Set([...code.matchAll(/'(slack-[a-z-]+)'/g)].map((match) => match[1] as string))];

  it('all come from the catalogue, in German and English', () => {
    expect(ids.length).toBeGreaterThan(8);
    for (const id of ids) {
      expect(catalogue.has('de', id), `${id} (de)`).toBe(true);
      expect(catalogue.has('en', id), `${id} (en)`).toBe(true);
    }
  });

  it('address the reader as "Sie" in German, never "du"', () => {
    for (const id of ids) expect(catalogue.format('de', id, { bot: 'Bot' }), id).not.toMatch(/\b(du|dich|dir|dein\w*|schreib|frag)\b/i);
  });
});
