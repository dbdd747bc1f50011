import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './render.js';
import type { ReplyTarget } from './to-message.js';

/** How long a response_url post may take before we give up (Slack itself allows 30 minutes). */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/** Thrown when Slack refuses a response_url post; carries the status, never the URL (it is a credential). */
export class ResponseUrlError extends Error {
  constructor(readonly status: number) {
    super(`response_url answered HTTP ${status}`);
    this.name = 'ResponseUrlError';
  }
}

/**
 * Sends a rendered message where the translation said it belongs: chat.postMessage
 * into the channel or thread, or an ephemeral message through the command's
 * response_url (which works even in channels the bot is not a member of).
 */
export async function deliver(client: webApi.WebClient, target: ReplyTarget, message: SlackMessage): Promise<void> {
  if (target.kind === 'post') {
    await client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: message.text,
      blocks: message.blocks,
      unfurl_links: false,
      unfurl_media: false,
    });
    return;
  }
  const response = await fetch(target.responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
    signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (!response.ok) throw new ResponseUrlError(response.status);
}
