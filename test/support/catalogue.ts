/** Recognising the catalogue's messages in output, whatever their parameters were filled with. */
import { catalogue, type MessageKey } from '../../domain/messages';

/** The pattern of a catalogue message in Vietnamese then English, each `{param}` standing for any text. */
export function messagePattern(key: MessageKey, anchored = true): RegExp {
  const pattern = (text: string): string =>
    text
      .split(/\{[a-zA-Z]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[\\s\\S]*');
  const body = `${pattern(catalogue[key].vi)} / ${pattern(catalogue[key].en)}`;
  return new RegExp(anchored ? `^${body}$` : body);
}

/** Every key of the catalogue. */
export const MESSAGE_KEYS = Object.keys(catalogue) as MessageKey[];
