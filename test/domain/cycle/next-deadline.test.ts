/** The cycle's next deadline: the earliest pending obligation by due instant, ties by obligation ID. */
import { nextDeadlineOf, type DeadlineRow } from '../../../domain/cycle/next-deadline';

const at = (iso: string) => new Date(iso);
const row = (obligation: DeadlineRow['obligation'], status: string, due: string): DeadlineRow => ({
  obligation,
  status,
  effectiveDue: at(due),
});

describe('nextDeadlineOf', () => {
  it('is the earliest pending obligation, whatever the order of the rows', () => {
    const rows = [
      row('O3', 'PENDING', '2026-03-31T17:00:00Z'),
      row('O2', 'PENDING', '2026-03-16T17:00:00Z'),
      row('O7', 'PENDING', '2027-01-14T17:00:00Z'),
    ];
    const expected = { nextObligation: 'O2', nextDue: at('2026-03-16T17:00:00Z') };
    expect(nextDeadlineOf(rows)).toEqual(expected);
    expect(nextDeadlineOf([...rows].reverse())).toEqual(expected);
  });

  it('skips what is no longer owed, however early it was due', () => {
    const rows = [
      row('O1', 'SUBMITTED', '2026-02-28T17:00:00Z'),
      row('O2', 'MISSED', '2026-03-01T17:00:00Z'),
      row('O3', 'WAIVED', '2026-03-02T17:00:00Z'),
      row('O4', 'PENDING', '2026-12-31T17:00:00Z'),
    ];
    expect(nextDeadlineOf(rows)).toEqual({ nextObligation: 'O4', nextDue: at('2026-12-31T17:00:00Z') });
  });

  it('breaks a tie by obligation ID', () => {
    const due = '2026-03-02T17:00:00Z';
    expect(nextDeadlineOf([row('O2', 'PENDING', due), row('O1', 'PENDING', due)]).nextObligation).toBe('O1');
  });

  it('is empty when nothing is pending', () => {
    expect(nextDeadlineOf([row('O1', 'LATE', '2026-02-28T17:00:00Z')])).toEqual({
      nextObligation: null,
      nextDue: null,
    });
    expect(nextDeadlineOf([])).toEqual({ nextObligation: null, nextDue: null });
  });
});
