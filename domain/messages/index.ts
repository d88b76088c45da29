import { authMessages } from './auth';
import { backupMessages } from './backup';
import { calendarMessages } from './calendar';
import { chartMessages } from './charts';
import { cliMessages } from './cli';
import { interpolate, type Lang, type MessageParams } from './catalogue';
import { commonMessages } from './common';
import { cycleMessages } from './cycle';
import { dashboardMessages } from './dashboard';
import { mailMessages } from './mail';
import { payloadMessages } from './payload';
import { evaluationMessages } from './evaluation';
import { rosterMessages } from './roster';
import { simulateMessages } from './simulate';
import { timelineMessages } from './timeline';
import { systemMessages } from './system';
import { webMessages } from './web';
import { webAdminMessages } from './web-admin';
import { webFormMessages } from './web-forms';
import { webPageMessages } from './web-pages';

export type { Lang, MessageParams, BilingualText, CatalogueSection } from './catalogue';

/** The one message catalogue of the product, assembled from its areas. */
export const catalogue = {
  ...commonMessages,
  ...rosterMessages,
  ...cycleMessages,
  ...webMessages,
  ...webAdminMessages,
  ...webFormMessages,
  ...webPageMessages,
  ...authMessages,
  ...dashboardMessages,
  ...calendarMessages,
  ...evaluationMessages,
  ...chartMessages,
  ...mailMessages,
  ...timelineMessages,
  ...systemMessages,
  ...simulateMessages,
  ...payloadMessages,
  ...backupMessages,
  ...cliMessages,
} as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof catalogue;

/** A message to be shown later, in whichever language the reader wants. */
export interface Message {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

/** The text of a message in one language. */
export function t(key: MessageKey, params: MessageParams = {}, lang: Lang = 'vi'): string {
  return interpolate(catalogue[key][lang], params);
}

/** The text of a message in Vietnamese then English, for logs, CLI output and errors read by both. */
export function bilingual(key: MessageKey, params: MessageParams = {}): string {
  return `${t(key, params, 'vi')} / ${t(key, params, 'en')}`;
}

/** The text of a {@link Message} in Vietnamese then English. */
export function bilingualOf(message: Message): string {
  return bilingual(message.key, message.params ?? {});
}
