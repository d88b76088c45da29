import {
  isEmail,
  parseBareYear,
  parseBoolean,
  parseRosterDate,
  parseStaff,
  periodsOverlap,
  splitEmails,
} from '../../../domain/roster';

describe('roster cells', () => {
  it.each([
    ['2020-01-01', '2020-01-01'],
    ['2024-2-29', '2024-02-29'],
    ['31/12/2025', '2025-12-31'],
    ['1/3/2026', '2026-03-01'],
    ['2025-02-29', null],
    ['12/31/2025', null],
    ['2025.01.01', null],
    ['', null],
  ])('parseRosterDate(%j) = %j', (text, expected) => {
    expect(parseRosterDate(text)).toBe(expected);
  });

  it.each([
    ['2020', 2020],
    [' 2030 ', 2030],
    ['1850', 1850],
    ['202', null],
    ['20201', null],
    ['2020.0', null],
    ['2020-01-01', null],
    ['', null],
  ])('parseBareYear(%j) = %j', (text, expected) => {
    expect(parseBareYear(text)).toBe(expected);
  });

  it.each([
    ['TRUE', true],
    ['1', true],
    ['Yes', true],
    ['Có', true],
    ['có'.normalize('NFD'), true],
    ['', false],
    ['0', false],
    ['KHÔNG', false],
    ['no', false],
    ['maybe', null],
  ])('parseBoolean(%j) = %j', (text, expected) => {
    expect(parseBoolean(text)).toBe(expected);
  });

  it.each([
    ['0', 0],
    [' 85 ', 85],
    ['-1', null],
    ['1.5', null],
    ['1e3', null],
    ['1,000', null],
    ['99999999', null],
  ])('parseStaff(%j) = %j', (text, expected) => {
    expect(parseStaff(text)).toBe(expected);
  });

  it('splits e-mail cells on ; , and line breaks and reads the head marker', () => {
    expect(splitEmails('head: a@x.vn;b@x.vn,\nc@x.vn ;; ')).toEqual([
      { text: 'a@x.vn', head: true },
      { text: 'b@x.vn', head: false },
      { text: 'c@x.vn', head: false },
    ]);
    expect(isEmail('lanh.dao@stc.example.gov.vn')).toBe(true);
    expect(isEmail('a@b')).toBe(false);
    expect(isEmail('a b@x.vn')).toBe(false);
    expect(isEmail('=cmd@x.vn')).toBe(true);
  });

  it('tells overlapping periods, open-ended included, and counts both ends', () => {
    expect(periodsOverlap({ from: '2020-01-01', to: '2025-12-31' }, { from: '2025-12-31', to: null })).toBe(
      true,
    );
    expect(periodsOverlap({ from: '2020-01-01', to: '2025-12-30' }, { from: '2025-12-31', to: null })).toBe(
      false,
    );
    expect(periodsOverlap({ from: '2026-01-01', to: null }, { from: '2020-01-01', to: null })).toBe(true);
  });
});
