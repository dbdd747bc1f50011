/** Chats remembered; the oldest is forgotten first, so memory stays bounded. */
const REMEMBERED_CHATS = 10_000;

/**
 * The contact card each chat got with its previous answer, so that the same card does
 * not arrive twice in a row ("phone?" then "and the e-mail?" both name the office; the
 * card under the first answer is still on screen). An answer without a card resets it.
 *
 * ```ts
 * if (card && lastCards.isNew(chatId, card.vcard)) await api.sendContact(...);
 * else if (!card) lastCards.forget(chatId);
 * ```
 */
export class LastCards {
  private readonly cards = new Map<number, string>();

  constructor(private readonly capacity = REMEMBERED_CHATS) {}

  /** True unless `card` is the card the chat got last; remembers it either way. */
  isNew(chatId: number, card: string): boolean {
    const previous = this.cards.get(chatId);
    // Re-inserting moves the chat to the end of the Map's order: most recent last.
    this.cards.delete(chatId);
    this.cards.set(chatId, card);
    if (this.cards.size > this.capacity) this.cards.delete(this.cards.keys().next().value as number);
    return previous !== card;
  }

  forget(chatId: number): void {
    this.cards.delete(chatId);
  }
}
