import type { webApi } from '@slack/bolt';
import type { SlackMessage } from './render.js';
import type { ReplyTarget } from './to-message.js';

/** How long a response_url post may take before we give up (Slack itself allows 30 minutes). */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

/**
 * The metadata type on every answer the bot posts, carrying the intake key of the
 * request it answers: after a crash, a restart looks for it before answering again.
 */
export const ANSWER_METADATA_TYPE = 'engagiert_answer';

/** Thrown when Slack refuses a response_url post; carries the status, never the URL (it is a credential). */
export class ResponseUrlError extends Error {
  readonly code = 'slack_bot_response_url_failed';
  constructor(readonly status: number) {
    super(`response_url answered HTTP ${status}`);
    this.name = 'ResponseUrlError';
  }
}

/**
 * Sends a rendered message where the translation said it belongs: chat.postMessage
 * into the channel or thread (marked with the request's intake key, if it has one), or
 * an ephemeral message through the command's response_url (which works even in
 * channels the bot is not a member of).
 */
export async function deliver(client: webApi.WebClient, target: ReplyTarget, message: SlackMessage, intakeKey?: string): Promise<void> {
  if (target.kind === 'post') {
    await client.chat.postMessage({
      channel: target.channel,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
      unfurl_links: false,
      unfurl_media: false,
      ...(intakeKey ? { metadata: { event_type: ANSWER_METADATA_TYPE, event_payload: { intake_key: intakeKey } } } : {}),
    });
    return;
  }
  const response = await fetch(target.responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, ...message }),
    signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
    redirect: 'error',
  });
  await response.body?.cancel();
  if (!response.ok) throw new ResponseUrlError(response.status);
}

/**
 * Whether the bot already posted its answer to the request with this intake key: true
 * when a message newer than the question, in the same thread or DM, carries the key in
 * its metadata. For requests a restart recovers; a failed look-up counts as "no", so
 * the answer may come twice but is never lost.
 */
export async function alreadyAnswered(client: webApi.WebClient, target: Extract<ReplyTarget, { kind: 'post' }>, intakeKey: string): Promise<boolean> {
  const query = { channel: target.channel, include_all_metadata: true, limit: 200, ...(target.after ? { oldest: target.after } : {}) };
  const result = target.threadTs ? await client.conversations.replies({ ...query, ts: target.threadTs }) : await client.conversations.history(query);
  return (result.messages ?? []).some((message) => {
    const metadata = (message as { metadata?: { event_type?: string; event_payload?: Record<string, unknown> } }).metadata;
    return metadata?.event_type === ANSWER_METADATA_TYPE && metadata.event_payload?.intake_key === intakeKey;
  });
}
