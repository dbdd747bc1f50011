import type { Contact } from '../../src/reply.js';

/** The arguments of `sendContact`: a card the user can tap to call, mail or save. */
export interface ContactCard {
  phoneNumber: string;
  firstName: string;
  vcard: string;
}

/**
 * Builds a Telegram contact card from the core's contact. The phone number is put in
 * international form, because Telegram offers "call" and "save" only for numbers it can
 * dial from anywhere; the vCard carries e-mail, office and department.
 *
 * ```ts
 * const card = toContactCard(reply.contact);
 * await api.sendContact(chatId, card.phoneNumber, card.firstName, { vcard: card.vcard });
 * ```
 */
export function toContactCard(contact: Contact): ContactCard {
  const phone = toInternationalPhone(contact.phone);
  const vcard = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `FN:${escapeVcard(contact.name)}`,
    `ORG:${escapeVcard(contact.office)};${escapeVcard(contact.department)}`,
    `TEL;TYPE=WORK,VOICE:${phone}`,
    `EMAIL;TYPE=WORK:${escapeVcard(contact.email)}`,
    'END:VCARD',
  ].join('\n');
  // Telegram caps first_name at 64 characters; the full name stays in the vCard.
  return { phoneNumber: phone, firstName: contact.name.slice(0, 64), vcard };
}

/**
 * `0451 123 4567` → `+494511234567`. Numbers are German unless they say otherwise
 * (`+…` or `00…`): the programme's offices are in German cities.
 */
export function toInternationalPhone(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.startsWith('+')) return `+${digits.slice(1).replace(/\+/g, '')}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  if (digits.startsWith('0')) return `+49${digits.slice(1)}`;
  return digits;
}

/** vCard 3.0 text values: backslash, comma, semicolon and line breaks must be escaped. */
function escapeVcard(value: string): string {
  return value.replace(/[\\,;]/g, (char) => `\\${char}`).replace(/\r?\n/g, '\\n');
}
