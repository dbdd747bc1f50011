import type { Assistant } from '../../src/assistant.js';
import { Catalogue } from '../../src/i18n/catalogue.js';
import { PRODUCT_MESSAGES_DIR, readMessageSources } from '../../src/i18n/messages.js';

const catalogue = Catalogue.fromSources(readMessageSources(PRODUCT_MESSAGES_DIR), { globals: { bot: 'Testbot', programme: 'Testprogramm' } });

/** The real product catalogue for fake assistants in adapter tests. */
export const say: Assistant['say'] = (locale, id, args) => catalogue.format(locale, id, args);
