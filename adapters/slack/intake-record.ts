import type { IntakeEntry } from '../../src/storage/intake.js';

/**
 * What the durable intake keeps of a Slack request: a key that a re-delivery of the
 * same request carries again, the channel it belongs to, and the body without what no
 * listener reads. Pure, total on any object.
 */

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** Payload types of interactions (buttons, modals, shortcuts), all of which carry a `trigger_id`. */
const INTERACTIONS = new Set(['block_actions', 'view_submission', 'shortcut', 'message_action', 'block_suggestion']);

/**
 * The id a re-delivery repeats: an event's `event_id`; a slash command's or an
 * interaction's `trigger_id`, which Slack makes afresh for every invocation, so that a
 * replayed command or a button pressed once but delivered twice is answered once.
 * `undefined` for requests without one; they are handled, but not kept.
 *
 * ```ts
 * intakeKeyOf({ type: 'event_callback', event_id: 'Ev1', event: {…} }); // 'event:Ev1'
 * ```
 */
export function intakeKeyOf(body: Record<string, unknown>): string | undefined {
  if (body.type === 'event_callback') {
    const eventId = text(body.event_id);
    return eventId ? `event:${eventId}` : undefined;
  }
  const trigger = text(body.trigger_id);
  if (typeof body.command === 'string') return trigger ? `command:${trigger}` : undefined;
  if (typeof body.type === 'string' && INTERACTIONS.has(body.type)) return trigger ? `interaction:${trigger}` : undefined;
  return undefined;
}

/** The Slack conversation a request belongs to, for bounds on what one channel may queue. */
export function intakeQueueOf(body: Record<string, unknown>): string {
  const event = record(body.event);
  const container = record(body.container);
  return (
    text(event?.channel) ??
    text(body.channel_id) ??
    text(container?.channel_id) ??
    text(record(body.channel)?.id) ??
    text(record(body.user)?.id) ??
    text(body.user_id) ??
    'slack'
  );
}

/** Fields that are large or sensitive and that no listener reads. */
const DROPPED_TOP = ['token', 'event_context'];
const DROPPED_NESTED: Record<string, string[]> = {
  event: ['blocks', 'attachments', 'files'],
  message: ['blocks', 'attachments', 'files'],
  view: ['blocks'],
};

/**
 * The body as it is stored until answered: without the legacy verification token, the
 * opaque `event_context`, and the rich-text, attachment and file copies of messages
 * (the plain `text` is what is read). Bolt's routing fields (type, team, authorizations) stay, so a stored body
 * goes through the same listeners as a fresh one.
 */
export function compactBody(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...body };
  for (const key of DROPPED_TOP) delete out[key];
  for (const [key, fields] of Object.entries(DROPPED_NESTED)) {
    const nested = record(out[key]);
    if (!nested) continue;
    const copy = { ...nested };
    for (const field of fields) delete copy[field];
    out[key] = copy;
  }
  return out;
}

/** The intake entry for a Slack request with a key. */
export function intakeEntryOf(body: Record<string, unknown>, key: string): IntakeEntry {
  return { channel: 'slack', key, queue: intakeQueueOf(body), payload: compactBody(body) };
}
