/**
 * iCalendar (RFC 5545) text for a deadline: one VEVENT with absolute-time alarms, UTF-8, CRLF line ends,
 * content lines folded at 75 octets without splitting a character. Written here rather than with a library
 * because the need is small and the output must be byte-for-byte predictable in tests.
 */
import { utf8Bytes } from './sha256';

/** One alarm at an absolute instant. */
export interface IcsAlarm {
  readonly at: Date;
  readonly description: string;
}

/** A deadline as a calendar event. */
export interface DeadlineEvent {
  readonly uid: string;
  /** When the file was made (DTSTAMP). */
  readonly stamp: Date;
  readonly start: Date;
  /** The deadline instant itself (end of the effective due day). */
  readonly end: Date;
  readonly summary: string;
  readonly description: string;
  readonly url?: string;
  readonly alarms: readonly IcsAlarm[];
}

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line into lines of at most 75 octets (RFC 5545 §3.1): each continuation starts with a
 * space, which counts towards its 75, and a multi-byte UTF-8 character is never split.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Bytes(ch).length;
    if (octets + size > 75) {
      parts.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** An instant in the UTC form `yyyymmddThhmmssZ`. */
function icsDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** The whole calendar file (METHOD:PUBLISH: an entry to add, not an invitation to answer). */
export function buildDeadlineIcs(event: DeadlineEvent): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ban Dan toc tinh//Twinning engine//VI',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${icsDateTime(event.stamp)}`,
    `DTSTART:${icsDateTime(event.start)}`,
    `DTEND:${icsDateTime(event.end)}`,
    `SUMMARY:${escapeIcsText(event.summary)}`,
    `DESCRIPTION:${escapeIcsText(event.description)}`,
    ...(event.url ? [`URL:${event.url}`] : []),
    'TRANSP:TRANSPARENT',
    'STATUS:CONFIRMED',
  ];
  for (const alarm of event.alarms) {
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `TRIGGER;VALUE=DATE-TIME:${icsDateTime(alarm.at)}`,
      `DESCRIPTION:${escapeIcsText(alarm.description)}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT', 'END:VCALENDAR');
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
