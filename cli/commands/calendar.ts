/**
 * `twinning calendar …`: the statutory calendar. `show` prints a year's deadlines, reminders and escalations;
 * `holidays list|add|remove` maintain the `CalendarDay` table that administrators own.
 */
import type { Command } from 'commander';
import { ZodError } from 'zod';
import {
  isDayKind,
  POLICIES,
  yearSchedule,
  type CalendarDayEntry,
  type DayKind,
  type ObligationSchedule,
  type Policy,
  type YearSchedule,
} from '../../domain/calendar';
import { checkCalendarDay } from '../../domain/calendar/changes';
import { formatLocalDateTime } from '../../domain/calendar/time';
import { formatDate, formatDateTime, formatWeekday, parseUserDate } from '../../domain/format';
import { bilingual, t, type MessageKey } from '../../domain/messages';
import { cycleVocabulary } from '../../domain/messages/cycle';
import {
  loadCalendarDays,
  loadYearCalendar,
  removeCalendarDay,
  upsertCalendarDay,
  type CalendarSource,
} from '../../services/calendar-store';
import type { CliDeps } from '../deps';
import { parseYear } from '../options';

/** Who the audit trail names for changes made from the CLI. */
const CLI_ACTOR = 'cli';

/** An error an official can act on; its message is printed as is. */
class CalendarCliError extends Error {
  constructor(key: MessageKey, params: Record<string, string | number> = {}) {
    super(bilingual(key, params));
    this.name = 'CalendarCliError';
  }
}

function parsePolicy(value: string): Policy {
  if (!(POLICIES as readonly string[]).includes(value))
    throw new CalendarCliError('calendar.invalidPolicy', { value });
  return value as Policy;
}

function parseDate(value: string): string {
  const date = parseUserDate(value);
  if (!date) throw new CalendarCliError('calendar.invalidDate', { value });
  return date;
}

function parseKind(value: string): DayKind {
  if (!isDayKind(value)) throw new CalendarCliError('calendar.invalidKind', { value });
  return value;
}

function describeZodError(error: ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(settings)'}: ${issue.message}`).join('; ');
}

/** The text lines of `calendar show`: every obligation's dates, reminders and escalations, local time. */
function renderYearSchedule(
  schedule: YearSchedule,
  sources: Readonly<Record<number, CalendarSource>>,
): string[] {
  const policyKey: MessageKey = `calendar.policy.${schedule.policy}`;
  const lines = [
    bilingual('calendar.show.heading', {
      year: schedule.year,
      policyVi: t(policyKey, {}, 'vi'),
      policyEn: t(policyKey, {}, 'en'),
    }),
  ];
  for (const [year, source] of Object.entries(sources))
    lines.push(bilingual(`calendar.source.${source}`, { year }));
  for (const obligation of schedule.obligations) lines.push('', ...renderObligation(obligation));
  return lines;
}

function renderObligation(schedule: ObligationSchedule): string[] {
  const names = cycleVocabulary.obligation[schedule.obligation];
  const lines = [`${schedule.obligation}  ${names.vi} / ${names.en}`];
  lines.push(`  ${bilingual('calendar.show.due', { effective: formatDate(schedule.effective) })}`);
  if (schedule.statutory !== schedule.effective) {
    lines.push(
      `  ${bilingual('calendar.show.rolled', {
        statutory: `${formatDate(schedule.statutory)} (${formatWeekday(schedule.statutory)})`,
        effective: `${formatDate(schedule.effective)} (${formatWeekday(schedule.effective)})`,
      })}`,
    );
  }
  if (schedule.obligation === 'O4') {
    lines.push(`  ${bilingual('calendar.show.o4')}`);
    lines.push(`  ${bilingual('calendar.show.progress')}:`);
  } else {
    lines.push(`  ${bilingual('calendar.show.reminders')}:`);
  }
  for (const reminder of schedule.reminders) {
    const label = reminder.kind === 'deadline' ? reminder.id : `#${reminder.sequence}`;
    lines.push(`    ${label.padEnd(5)} ${formatWeekday(reminder.date)} ${formatDateTime(reminder.at)}`);
  }
  if (schedule.escalations.length > 0) {
    lines.push(`  ${bilingual('calendar.show.escalations')}:`);
    for (const escalation of schedule.escalations) {
      const level = bilingual(`calendar.escalation.${escalation.level}`);
      lines.push(
        `    D+${escalation.offsetDays} ${formatWeekday(escalation.date)} ${formatDateTime(escalation.at)}  ${level}`,
      );
    }
  }
  return lines;
}

function withLocalTimes(schedule: YearSchedule): unknown {
  const local = <T extends { at: string }>(item: T): T & { atLocal: string } => ({
    ...item,
    atLocal: formatLocalDateTime(item.at),
  });
  return {
    ...schedule,
    obligations: schedule.obligations.map((o) => ({
      ...o,
      reminders: o.reminders.map(local),
      escalations: o.escalations.map(local),
    })),
    progressReminders: schedule.progressReminders.map(local),
  };
}

function renderDays(year: number, days: readonly CalendarDayEntry[], source: CalendarSource): string[] {
  const lines = [
    bilingual('calendar.holidays.heading', { year }),
    bilingual(`calendar.source.${source}`, { year }),
  ];
  if (days.length === 0) lines.push(bilingual('calendar.holidays.empty'));
  for (const day of days) {
    const kind = `${t(`calendar.kind.${day.kind}`, {}, 'vi')} / ${t(`calendar.kind.${day.kind}`, {}, 'en')}`;
    lines.push(`${formatDate(day.date)}  ${formatWeekday(day.date).padEnd(2)}  ${day.name}  [${kind}]`);
  }
  return lines;
}

/** Registers the `calendar` commands. */
export function registerCalendarCommands(program: Command, deps: CliDeps): void {
  const calendar = program.command('calendar').description('Lịch hạn theo luật định / statutory calendar');

  calendar
    .command('show')
    .description(
      'Hạn, nhắc hạn và chuyển cấp của mọi nghĩa vụ trong năm / every deadline, reminder and escalation of a year',
    )
    .requiredOption('--year <year>', 'năm của chu kỳ / cycle year', parseYear)
    .option(
      '--policy <policy>',
      'roll-forward | fixed (mặc định theo cấu hình / default from settings)',
      parsePolicy,
    )
    .option('--json', 'xuất JSON / print JSON')
    .action(async (options: { year: number; policy?: Policy; json?: boolean }) => {
      const prisma = await deps.getPrisma();
      let loaded;
      try {
        loaded = await loadYearCalendar(
          prisma,
          options.year,
          options.policy ? { policy: options.policy } : {},
        );
      } catch (error) {
        if (error instanceof ZodError) {
          throw new CalendarCliError('calendar.invalidSettings', {
            year: options.year,
            problem: describeZodError(error),
          });
        }
        throw error;
      }
      const schedule = yearSchedule(options.year, loaded.settings, loaded.calendar);
      if (options.json) {
        const payload = {
          ...(withLocalTimes(schedule) as object),
          sources: loaded.sources,
          settings: loaded.settings,
        };
        deps.out(JSON.stringify(payload, null, 2));
        return;
      }
      for (const line of renderYearSchedule(schedule, loaded.sources)) deps.out(line);
    });

  const holidays = calendar
    .command('holidays')
    .description('Bảng ngày nghỉ lễ, nghỉ bù, làm bù / holidays, days off and swapped working days');

  holidays
    .command('list')
    .description("Liệt kê các ngày của một năm / list a year's days")
    .requiredOption('--year <year>', 'năm / year', parseYear)
    .option('--json', 'xuất JSON / print JSON')
    .action(async (options: { year: number; json?: boolean }) => {
      const prisma = await deps.getPrisma();
      const { entries, sources } = await loadCalendarDays(prisma, [options.year]);
      const source = sources[options.year] ?? 'none';
      if (options.json) {
        const days = entries.map((day) => ({ ...day, weekday: formatWeekday(day.date, 'en') }));
        deps.out(JSON.stringify({ year: options.year, source, days }, null, 2));
        return;
      }
      for (const line of renderDays(options.year, entries, source)) deps.out(line);
    });

  holidays
    .command('add')
    .description('Thêm hoặc sửa một ngày / add or replace a day')
    .argument('<date>', 'dd/mm/yyyy hoặc / or yyyy-mm-dd', parseDate)
    .requiredOption('--name <name>', 'tên ngày (tiếng Việt) / name of the day (Vietnamese)')
    .option('--kind <kind>', 'HOLIDAY | DAY_OFF | WORKING_DAY', parseKind, 'HOLIDAY' as DayKind)
    .action(async (date: string, options: { name: string; kind: DayKind }) => {
      const name = options.name.trim();
      if (name === '') throw new CalendarCliError('calendar.emptyName');
      // The rules of the web page's form too (domain/calendar/changes.ts).
      const wrongDay = checkCalendarDay({ date, kind: options.kind, name });
      if (wrongDay) throw new CalendarCliError(wrongDay.key, { ...wrongDay.params });
      const prisma = await deps.getPrisma();
      await upsertCalendarDay(prisma, { date, kind: options.kind, name }, CLI_ACTOR);
      deps.out(
        bilingual('calendar.holidays.saved', {
          date: formatDate(date),
          name,
          kindVi: t(`calendar.kind.${options.kind}`, {}, 'vi'),
          kindEn: t(`calendar.kind.${options.kind}`, {}, 'en'),
        }),
      );
    });

  holidays
    .command('remove')
    .description('Xoá một ngày / remove a day')
    .argument('<date>', 'dd/mm/yyyy hoặc / or yyyy-mm-dd', parseDate)
    .action(async (date: string) => {
      const prisma = await deps.getPrisma();
      const removed = await removeCalendarDay(prisma, date, CLI_ACTOR);
      if (!removed) throw new CalendarCliError('calendar.holidays.notFound', { date: formatDate(date) });
      deps.out(bilingual('calendar.holidays.removed', { date: formatDate(date) }));
    });
}
