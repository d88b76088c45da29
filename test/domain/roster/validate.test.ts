import {
  describeRosterError,
  formatRosterError,
  PAIR_COLUMNS,
  validateRoster,
  type RawRoster,
  type RosterRules,
} from '../../../domain/roster';
import { readJson } from '../../../roster/read-file';
import { csvTable, PAIRS, PAIRS_HEADER, replace, roster, UNITS, UNITS_HEADER } from './support';

function messages(raw: RawRoster, rules?: Partial<RosterRules>): string[] {
  const result = validateRoster(raw, rules ? { rules } : {});
  return result.ok ? [] : result.errors.map(formatRosterError);
}

describe('validateRoster: a valid roster', () => {
  it('accepts the small roster and parses every cell', () => {
    const result = validateRoster(roster());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [stc, , , laDee] = result.roster.units;
    expect(stc).toMatchObject({
      code: 'STC',
      kind: 'DEPARTMENT',
      staff: 85,
      border: false,
      contacts: [
        { email: 'giamdoc@stc.example.gov.vn', role: 'HEAD' },
        { email: 'ketnghia@stc.example.gov.vn', role: 'OFFICER' },
      ],
      source: { file: 'units.csv', row: 2 },
    });
    expect(laDee).toMatchObject({ parent: 'NAM-GIANG', border: true, staff: null });
    expect(result.roster.pairs[1]).toMatchObject({ from: '2020-01-01', to: '2030-12-31' });
  });

  it('allows a commune with several sponsors and a sponsor with several communes by default', () => {
    const pairs = [
      ...PAIRS,
      ['KN-03', 'DIEN-BAN', 'LA-DEE', '2021-01-01', ''],
      ['KN-04', 'STC', 'CA-DY', '2020-01-01', ''],
    ];
    expect(messages(roster(UNITS, pairs))).toEqual([]);
  });

  it('allows the same two units to be paired again in a later, non-overlapping period', () => {
    const pairs = [
      ['KN-01', 'STC', 'LA-DEE', '2020-01-01', '2025-12-31'],
      ['KN-01B', 'STC', 'LA-DEE', '2026-01-01', ''],
    ];
    expect(messages(roster(UNITS, pairs))).toEqual([]);
  });

  it('accepts a commune without a parent (land-border communes after the 2025 reform)', () => {
    expect(
      messages(roster(replace(UNITS, 3, ['LA-DEE', 'Xã La Dêê', 'COMMUNE', '', 'yes', '', '']))),
    ).toEqual([]);
  });

  it('keeps text that starts with =, +, - or @ as text, never as a formula', () => {
    const units = [
      ...UNITS,
      ['F1', '=HYPERLINK("http://evil.example","Bấm")', 'DEPARTMENT', '', '', '1', ''],
      ['F2', '+84 Sở thử', 'DEPARTMENT', '', '', '2', ''],
      ['F3', '-Sở thử', 'DEPARTMENT', '', '', '3', ''],
      ['F4', '@SUM(A1)', 'DEPARTMENT', '', '', '4', ''],
    ];
    const result = validateRoster(roster(units));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.roster.units.slice(-4).map((u) => u.name)).toEqual([
      '=HYPERLINK("http://evil.example","Bấm")',
      '+84 Sở thử',
      '-Sở thử',
      '@SUM(A1)',
    ]);
  });

  it('normalises decomposed Vietnamese (NFD, as typed on a Mac) to NFC', () => {
    const result = validateRoster(
      roster(replace(UNITS, 0, ['STC', 'Sở Tài chính'.normalize('NFD'), 'DEPARTMENT', '', '', '85', ''])),
    );
    expect(result.ok && result.roster.units[0]?.name).toBe('Sở Tài chính');
  });
});

// Each case: one bad roster and the exact message, as printed by the CLI (location in Vietnamese, then the
// Vietnamese and English texts).
describe('validateRoster: bad rosters, each with its exact message', () => {
  const cases: [string, RawRoster, string[], Partial<RosterRules>?][] = [
    [
      '1. duplicate unit code',
      roster([...UNITS, ['STC', 'Sở Tài chính (trùng)', 'DEPARTMENT', '', '', '10', '']]),
      [
        'units.csv, dòng 7, cột code: Mã đơn vị «STC» bị trùng với dòng 2. / The unit code "STC" duplicates row 2.',
      ],
    ],
    [
      '2. unknown parent',
      roster(replace(UNITS, 4, ['CA-DY', 'Xã Cà Dy', 'COMMUNE', 'NAM-GIANGG', '', '', ''])),
      [
        'units.csv, dòng 6, cột parent: Đơn vị cấp trên «NAM-GIANGG» không có trong danh sách đơn vị. / The parent unit "NAM-GIANGG" is not in the list of units.',
      ],
    ],
    [
      '3. a commune whose parent is not a mountain district',
      roster(replace(UNITS, 4, ['CA-DY', 'Xã Cà Dy', 'COMMUNE', 'DIEN-BAN', '', '', ''])),
      [
        'units.csv, dòng 6, cột parent: Đơn vị cấp trên của xã phải là huyện miền núi (MOUNTAIN_DISTRICT), nhưng «DIEN-BAN» thuộc loại LOWLAND_DISTRICT. / The parent of a commune must be a mountain district (MOUNTAIN_DISTRICT), but "DIEN-BAN" is of kind LOWLAND_DISTRICT.',
      ],
    ],
    [
      '4. a pair of two sponsors',
      roster(UNITS, [...PAIRS, ['KN-03', 'STC', 'DIEN-BAN', '2020-01-01', '']]),
      [
        'pairs.csv, dòng 4, cột recipient: Bên được kết nghĩa «DIEN-BAN» thuộc loại LOWLAND_DISTRICT; bên được kết nghĩa phải là huyện miền núi (MOUNTAIN_DISTRICT) hoặc xã (COMMUNE). / The recipient "DIEN-BAN" is of kind LOWLAND_DISTRICT; a recipient must be a mountain district (MOUNTAIN_DISTRICT) or a commune (COMMUNE).',
      ],
    ],
    [
      '5. a pair of two recipients',
      roster(UNITS, [...PAIRS, ['KN-03', 'NAM-GIANG', 'CA-DY', '2020-01-01', '']]),
      [
        'pairs.csv, dòng 4, cột sponsor: Bên kết nghĩa «NAM-GIANG» thuộc loại MOUNTAIN_DISTRICT; bên kết nghĩa phải là sở, ban, ngành (DEPARTMENT), huyện đồng bằng (LOWLAND_DISTRICT) hoặc phường, xã đồng bằng (LOWLAND_COMMUNE). / The sponsor "NAM-GIANG" is of kind MOUNTAIN_DISTRICT; a sponsor must be a department (DEPARTMENT), a lowland district (LOWLAND_DISTRICT) or a lowland ward or commune (LOWLAND_COMMUNE).',
      ],
    ],
    [
      '6. the same two units paired twice over overlapping periods',
      roster(UNITS, [...PAIRS, ['KN-03', 'STC', 'LA-DEE', '2025-06-01', '2027-12-31']]),
      [
        'pairs.csv, dòng 4, cột from: «STC» và «LA-DEE» đã được kết nghĩa trong cặp «KN-01» (dòng 2) với thời gian trùng nhau. / "STC" and "LA-DEE" are already paired in "KN-01" (row 2) over an overlapping period.',
      ],
    ],
    [
      '7. a commune with two sponsors at once, when the province forbids it',
      roster(UNITS, [...PAIRS, ['KN-03', 'DIEN-BAN', 'LA-DEE', '2021-01-01', '']]),
      [
        'pairs.csv, dòng 4, cột sponsor: Bên được kết nghĩa «LA-DEE» đã có bên kết nghĩa khác trong cặp «KN-01» (dòng 2) với thời gian trùng nhau. / The recipient "LA-DEE" already has another sponsor in "KN-01" (row 2) over an overlapping period.',
      ],
      { allowRecipientMultipleSponsors: false },
    ],
    [
      '8. a sponsor with two recipients at once, when the province forbids it',
      roster(UNITS, [...PAIRS, ['KN-03', 'STC', 'CA-DY', '2020-01-01', '2020-12-31']]),
      [
        'pairs.csv, dòng 4, cột recipient: Bên kết nghĩa «STC» đã kết nghĩa với đơn vị khác trong cặp «KN-01» (dòng 2) với thời gian trùng nhau. / The sponsor "STC" is already paired with another unit in "KN-01" (row 2) over an overlapping period.',
      ],
      { allowSponsorMultipleRecipients: false },
    ],
    [
      '9. negative staff',
      roster(replace(UNITS, 0, ['STC', 'Sở Tài chính', 'DEPARTMENT', '', '', '-5', ''])),
      [
        'units.csv, dòng 2, cột staff: Số biên chế «-5» không hợp lệ: phải là số nguyên không âm. / The staff count "-5" is invalid: it must be a non-negative whole number.',
      ],
    ],
    [
      '10. non-integer staff',
      roster(replace(UNITS, 0, ['STC', 'Sở Tài chính', 'DEPARTMENT', '', '', '85.5', ''])),
      [
        'units.csv, dòng 2, cột staff: Số biên chế «85.5» không hợp lệ: phải là số nguyên không âm. / The staff count "85.5" is invalid: it must be a non-negative whole number.',
      ],
    ],
    [
      '11. a department without staff count',
      roster(replace(UNITS, 0, ['STC', 'Sở Tài chính', 'DEPARTMENT', '', '', '', ''])),
      [
        'units.csv, dòng 2, cột staff: Sở, ban, ngành phải có số biên chế. / A provincial department must have a staff count.',
      ],
    ],
    [
      '12. malformed email',
      roster(
        replace(UNITS, 2, [
          'NAM-GIANG',
          'Huyện Nam Giang',
          'MOUNTAIN_DISTRICT',
          '',
          '',
          '',
          'dantoc@namgiang; ok@x.example.gov.vn',
        ]),
      ),
      [
        'units.csv, dòng 4, cột emails: Địa chỉ thư điện tử «dantoc@namgiang» không hợp lệ. / The e-mail address "dantoc@namgiang" is invalid.',
      ],
    ],
    [
      '13. from after to',
      roster(UNITS, replace(PAIRS, 1, ['KN-02', 'DIEN-BAN', 'NAM-GIANG', '01/01/2026', '31/12/2025'])),
      [
        'pairs.csv, dòng 3, cột to: Ngày bắt đầu 2026-01-01 sau ngày kết thúc 2025-12-31. / The start date 2026-01-01 is after the end date 2025-12-31.',
      ],
    ],
    [
      '14. an impossible date',
      roster(UNITS, replace(PAIRS, 1, ['KN-02', 'DIEN-BAN', 'NAM-GIANG', '30/02/2020', ''])),
      [
        'pairs.csv, dòng 3, cột from: Ngày «30/02/2020» không hợp lệ; dùng dạng yyyy-mm-dd, dd/mm/yyyy hoặc chỉ ghi năm (yyyy). / The date "30/02/2020" is invalid; use yyyy-mm-dd, dd/mm/yyyy or a year alone (yyyy).',
      ],
    ],
    [
      '15. duplicate pair code',
      roster(UNITS, [...PAIRS, ['KN-01', 'STC', 'CA-DY', '2020-01-01', '']]),
      [
        'pairs.csv, dòng 4, cột code: Mã cặp kết nghĩa «KN-01» bị trùng với dòng 2. / The pair code "KN-01" duplicates row 2.',
      ],
    ],
    [
      '16. a pair naming an unknown unit',
      roster(UNITS, [...PAIRS, ['KN-03', 'STC', 'XA-KHONG-CO', '2020-01-01', '']]),
      [
        'pairs.csv, dòng 4, cột recipient: Đơn vị «XA-KHONG-CO» không có trong danh sách đơn vị. / The unit "XA-KHONG-CO" is not in the list of units.',
      ],
    ],
    [
      '17. unknown kind',
      roster(replace(UNITS, 1, ['DIEN-BAN', 'Thị xã Điện Bàn', 'TOWN', '', '', '', ''])),
      [
        'units.csv, dòng 3, cột kind: Loại đơn vị «TOWN» không hợp lệ; phải là một trong: DEPARTMENT, LOWLAND_DISTRICT, LOWLAND_COMMUNE, MOUNTAIN_DISTRICT, COMMUNE. / The unit kind "TOWN" is invalid; it must be one of: DEPARTMENT, LOWLAND_DISTRICT, LOWLAND_COMMUNE, MOUNTAIN_DISTRICT, COMMUNE.',
      ],
    ],
    [
      '18. border on a unit that is not a commune',
      roster(replace(UNITS, 2, ['NAM-GIANG', 'Huyện Nam Giang', 'MOUNTAIN_DISTRICT', '', 'true', '', ''])),
      [
        'units.csv, dòng 4, cột border: Chỉ xã mới có thể là xã biên giới; đơn vị loại MOUNTAIN_DISTRICT phải để border trống hoặc false. / Only a commune can be a border commune; a unit of kind MOUNTAIN_DISTRICT must leave border empty or false.',
      ],
    ],
    [
      '19. a border cell that is not yes/no',
      roster(replace(UNITS, 3, ['LA-DEE', 'Xã La Dêê', 'COMMUNE', 'NAM-GIANG', 'biên giới', '', ''])),
      [
        'units.csv, dòng 5, cột border: Giá trị «biên giới» không hợp lệ; dùng true/false, 1/0, yes/no, có/không hoặc để trống. / The value "biên giới" is invalid; use true/false, 1/0, yes/no, có/không or leave it empty.',
      ],
    ],
    [
      '20. a parent on a unit that is not a commune',
      roster(replace(UNITS, 1, ['DIEN-BAN', 'Thị xã Điện Bàn', 'LOWLAND_DISTRICT', 'NAM-GIANG', '', '', ''])),
      [
        'units.csv, dòng 3, cột parent: Chỉ xã mới có đơn vị cấp trên; đơn vị loại LOWLAND_DISTRICT phải để trống cột này. / Only a commune has a parent unit; a unit of kind LOWLAND_DISTRICT must leave this column empty.',
      ],
    ],
    [
      '21. an invalid code and an over-long name',
      roster([...UNITS, ['Sở TC', 'S'.repeat(201), 'DEPARTMENT', '', '', '1', '']]),
      [
        'units.csv, dòng 7, cột code: Mã «Sở TC» không hợp lệ: chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới, tối đa 40 ký tự. / The code "Sở TC" is invalid: only unaccented letters, digits, dot, hyphen and underscore, at most 40 characters.',
        'units.csv, dòng 7, cột name: Tên dài 201 ký tự, vượt quá giới hạn 200 ký tự. / The name is 201 characters long, over the 200-character limit.',
      ],
    ],
    [
      '22. the same e-mail twice for one unit',
      roster(
        replace(UNITS, 2, [
          'NAM-GIANG',
          'Huyện Nam Giang',
          'MOUNTAIN_DISTRICT',
          '',
          '',
          '',
          'a@x.example.gov.vn, head:A@x.example.gov.vn',
        ]),
      ),
      [
        'units.csv, dòng 4, cột emails: Địa chỉ thư điện tử «A@x.example.gov.vn» được ghi hai lần cho cùng một đơn vị. / The e-mail address "A@x.example.gov.vn" is listed twice for the same unit.',
      ],
    ],
    [
      '23. a required cell left empty',
      roster(UNITS, replace(PAIRS, 0, ['KN-01', '', 'LA-DEE', '', ''])),
      [
        'pairs.csv, dòng 2, cột sponsor: Bắt buộc phải có giá trị. / A value is required.',
        'pairs.csv, dòng 2, cột from: Bắt buộc phải có giá trị. / A value is required.',
      ],
    ],
    [
      '24. header missing (the first line is data)',
      {
        units: csvTable('units.csv', UNITS[0]!, UNITS.slice(1)),
        pairs: csvTable('pairs.csv', PAIRS_HEADER, []),
      },
      [
        'units.csv, dòng 1: Thiếu dòng tiêu đề: dòng đầu tiên phải là code,name,kind,parent,border,staff,emails,from,to,successor / The header line is missing: the first line must be code,name,kind,parent,border,staff,emails,from,to,successor',
      ],
    ],
    [
      '25. wrong delimiter (semicolons)',
      {
        units: {
          file: 'units.csv',
          header: ['code;name;kind;parent;border;staff;emails'],
          rows: [
            {
              row: 2,
              cells: { 'code;name;kind;parent;border;staff;emails': 'STC;Sở Tài chính;DEPARTMENT;;;85;' },
              width: 1,
            },
          ],
        },
        pairs: csvTable('pairs.csv', PAIRS_HEADER, []),
      },
      [
        'units.csv, dòng 1: Dòng tiêu đề dùng dấu phân cách «;»; tệp phải phân cách bằng dấu phẩy, với tiêu đề: code,name,kind,parent,border,staff,emails,from,to,successor / The header uses ";" as delimiter; the file must be comma-separated, with the header: code,name,kind,parent,border,staff,emails,from,to,successor',
      ],
    ],
    [
      '26. header only, no rows',
      roster([], []),
      [
        'units.csv: Có dòng tiêu đề nhưng không có dòng dữ liệu nào. / The header is there but there are no data rows.',
      ],
    ],
    [
      '27. a required column missing and an unknown column',
      {
        units: csvTable('units.csv', ['code', 'name', 'type'], [['STC', 'Sở Tài chính', 'DEPARTMENT']]),
        pairs: csvTable('pairs.csv', PAIRS_HEADER, []),
      },
      [
        'units.csv, dòng 1: Dòng tiêu đề thiếu cột kind; tiêu đề đúng là: code,name,kind,parent,border,staff,emails,from,to,successor / The header lacks the column(s) kind; the expected header is: code,name,kind,parent,border,staff,emails,from,to,successor',
        'units.csv, dòng 1, cột type: Cột «type» không được nhận biết; các cột hợp lệ: code,name,kind,parent,border,staff,emails,from,to,successor / Unknown column "type"; valid columns: code,name,kind,parent,border,staff,emails,from,to,successor',
      ],
    ],
    [
      '28. a row with more cells than the header',
      roster([...UNITS, ['X', 'Sở X', 'DEPARTMENT', '', '', '1', '', 'thừa']]),
      [
        'units.csv, dòng 7: Dòng có 8 ô nhưng tiêu đề có 7 cột. / The row has 8 cells but the header has 7 columns.',
      ],
    ],
  ];

  for (const [name, raw, expected, rules] of cases) {
    it(name, () => {
      expect(messages(raw, rules)).toEqual(expected);
    });
  }

  it('has at least 15 distinct bad rosters', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });

  it('reports every error of the file at once, units before pairs, in row order', () => {
    const units = replace(replace(UNITS, 0, ['STC', 'Sở Tài chính', 'DEPARTMENT', '', '', '-1', 'x@']), 4, [
      'CA-DY',
      'Xã Cà Dy',
      'COMMUNE',
      'DIEN-BAN',
      '',
      '',
      '',
    ]);
    const pairs = [...PAIRS, ['KN-03', 'STC', 'LA-DEE', '2020-05-01', '2019-01-01']];
    const result = validateRoster(roster(units, pairs));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.file, e.row, e.column, e.key])).toEqual([
      ['units.csv', 2, 'staff', 'roster.staffInvalid'],
      ['units.csv', 2, 'emails', 'roster.emailInvalid'],
      ['units.csv', 6, 'parent', 'roster.communeParentKind'],
      ['pairs.csv', 4, 'to', 'roster.periodReversed'],
    ]);
  });

  it('does not call a unit unknown when its own row is invalid (the row error is enough)', () => {
    const units = replace(UNITS, 2, ['NAM-GIANG', 'Huyện Nam Giang', 'MOUNTAIN_DISTRICT', '', '', '', 'bad']);
    expect(messages(roster(units))).toEqual([
      'units.csv, dòng 4, cột emails: Địa chỉ thư điện tử «bad» không hợp lệ. / The e-mail address "bad" is invalid.',
    ]);
  });

  it('describes an error in one language, with the sheet for workbooks', () => {
    const error = {
      file: 'roster.xlsx',
      sheet: 'Đơn vị',
      row: 4,
      column: 'parent',
      key: 'roster.unknownParent',
      params: { code: 'X' },
    } as const;
    expect(describeRosterError(error, 'en')).toBe(
      'roster.xlsx, sheet Đơn vị, row 4, column parent: The parent unit "X" is not in the list of units.',
    );
    expect(describeRosterError(error, 'vi')).toBe(
      'roster.xlsx, trang Đơn vị, dòng 4, cột parent: Đơn vị cấp trên «X» không có trong danh sách đơn vị.',
    );
  });
});

describe('validateRoster: a plan period given as bare years', () => {
  /** The small roster as a JSON document read by the JSON reader, with `pairs` as given. */
  function jsonRoster(pairs: readonly Record<string, unknown>[]): RawRoster {
    const units = UNITS.map((cells) => Object.fromEntries(UNITS_HEADER.map((name, i) => [name, cells[i]])));
    const read = readJson('roster.json', Buffer.from(JSON.stringify({ units, pairs })));
    if (read.raw === null || read.errors.length > 0) throw new Error('the test roster does not read');
    return read.raw;
  }

  function periods(raw: RawRoster): [string, string | null][] {
    const result = validateRoster(raw);
    if (!result.ok) throw new Error(result.errors.map(formatRosterError).join('\n'));
    return result.roster.pairs.map((p) => [p.from, p.to]);
  }

  it('reads JSON numbers 2020 and 2030 as 1 January 2020 to 31 December 2030', () => {
    const raw = jsonRoster([{ code: 'KN-01', sponsor: 'STC', recipient: 'LA-DEE', from: 2020, to: 2030 }]);
    expect(periods(raw)).toEqual([['2020-01-01', '2030-12-31']]);
  });

  it('reads JSON strings "2020" and " 2030 " the same way, and a year with an empty or missing end', () => {
    const raw = jsonRoster([
      { code: 'KN-01', sponsor: 'STC', recipient: 'LA-DEE', from: '2020', to: ' 2030 ' },
      { code: 'KN-02', sponsor: 'DIEN-BAN', recipient: 'NAM-GIANG', from: 2021, to: '' },
      { code: 'KN-03', sponsor: 'STC', recipient: 'CA-DY', from: 2022 },
      { code: 'KN-04', sponsor: 'DIEN-BAN', recipient: 'CA-DY', from: 2023, to: null },
    ]);
    expect(periods(raw)).toEqual([
      ['2020-01-01', '2030-12-31'],
      ['2021-01-01', null],
      ['2022-01-01', null],
      ['2023-01-01', null],
    ]);
  });

  it('refuses a "__proto__" key as an unknown column, not as a key that vanishes', () => {
    const entry = JSON.parse(
      '{"code":"KN-01","sponsor":"STC","recipient":"LA-DEE","from":2020,"__proto__":"x"}',
    ) as Record<string, unknown>;
    expect(messages(jsonRoster([entry]))).toEqual([
      formatRosterError({
        file: 'roster.json',
        sheet: 'pairs',
        row: 1,
        column: '__proto__',
        key: 'roster.unknownColumn',
        params: { column: '__proto__', expected: PAIR_COLUMNS.join(',') },
      }),
    ]);
  });

  it('mixes years and dates in CSV cells, and a single year covers that whole year', () => {
    const pairs = [
      ['KN-01', 'STC', 'LA-DEE', '2020', '30/06/2025'],
      ['KN-02', 'DIEN-BAN', 'NAM-GIANG', '2020-07-01', '2030'],
      ['KN-03', 'STC', 'CA-DY', '2026', '2026'],
      ['KN-04', 'DIEN-BAN', 'CA-DY', '1990', '2100'],
    ];
    expect(periods(roster(UNITS, pairs))).toEqual([
      ['2020-01-01', '2025-06-30'],
      ['2020-07-01', '2030-12-31'],
      ['2026-01-01', '2026-12-31'],
      ['1990-01-01', '2100-12-31'],
    ]);
  });

  it('counts the last year as a whole: 2020–2025 overlaps a pairing from 2025, not one from 2026', () => {
    const from2026 = [
      ['KN-01', 'STC', 'LA-DEE', '2020', '2025'],
      ['KN-01B', 'STC', 'LA-DEE', '2026', ''],
    ];
    expect(messages(roster(UNITS, from2026))).toEqual([]);
    const from2025 = replace(from2026, 1, ['KN-01B', 'STC', 'LA-DEE', '2025', '']);
    expect(messages(roster(UNITS, from2025))).toEqual([
      'pairs.csv, dòng 3, cột from: «STC» và «LA-DEE» đã được kết nghĩa trong cặp «KN-01» (dòng 2) với thời gian trùng nhau. / "STC" and "LA-DEE" are already paired in "KN-01" (row 2) over an overlapping period.',
    ]);
  });

  it('refuses a year outside 1990–2100, in either column', () => {
    const raw = jsonRoster([
      { code: 'KN-01', sponsor: 'STC', recipient: 'LA-DEE', from: 1989, to: 2030 },
      { code: 'KN-02', sponsor: 'DIEN-BAN', recipient: 'NAM-GIANG', from: 2020, to: '2101' },
    ]);
    expect(messages(raw)).toEqual([
      'roster.json, trang pairs, dòng 1, cột from: Năm «1989» nằm ngoài khoảng cho phép, từ năm 1990 đến năm 2100. / The year "1989" is outside the accepted range, 1990 to 2100.',
      'roster.json, trang pairs, dòng 2, cột to: Năm «2101» nằm ngoài khoảng cho phép, từ năm 1990 đến năm 2100. / The year "2101" is outside the accepted range, 1990 to 2100.',
    ]);
  });

  it('refuses an end year before the start year, in years', () => {
    const raw = jsonRoster([{ code: 'KN-01', sponsor: 'STC', recipient: 'LA-DEE', from: 2030, to: 2020 }]);
    expect(messages(raw)).toEqual([
      'roster.json, trang pairs, dòng 1, cột to: Năm kết thúc 2020 trước năm bắt đầu 2030. / The end year 2020 is before the start year 2030.',
    ]);
  });

  it('tells a reversed period of a year and a date in the dates they stand for', () => {
    const pairs = [['KN-01', 'STC', 'LA-DEE', '2026', '31/12/2025']];
    expect(messages(roster(UNITS, pairs))).toEqual([
      'pairs.csv, dòng 2, cột to: Ngày bắt đầu 2026-01-01 sau ngày kết thúc 2025-12-31. / The start date 2026-01-01 is after the end date 2025-12-31.',
    ]);
  });

  it('refuses numbers that are not four-digit years as dates', () => {
    const raw = jsonRoster([
      { code: 'KN-01', sponsor: 'STC', recipient: 'LA-DEE', from: 202, to: 20301 },
      { code: 'KN-02', sponsor: 'DIEN-BAN', recipient: 'NAM-GIANG', from: 2020.5 },
    ]);
    expect(messages(raw)).toEqual([
      'roster.json, trang pairs, dòng 1, cột from: Ngày «202» không hợp lệ; dùng dạng yyyy-mm-dd, dd/mm/yyyy hoặc chỉ ghi năm (yyyy). / The date "202" is invalid; use yyyy-mm-dd, dd/mm/yyyy or a year alone (yyyy).',
      'roster.json, trang pairs, dòng 1, cột to: Ngày «20301» không hợp lệ; dùng dạng yyyy-mm-dd, dd/mm/yyyy hoặc chỉ ghi năm (yyyy). / The date "20301" is invalid; use yyyy-mm-dd, dd/mm/yyyy or a year alone (yyyy).',
      'roster.json, trang pairs, dòng 2, cột from: Ngày «2020.5» không hợp lệ; dùng dạng yyyy-mm-dd, dd/mm/yyyy hoặc chỉ ghi năm (yyyy). / The date "2020.5" is invalid; use yyyy-mm-dd, dd/mm/yyyy or a year alone (yyyy).',
    ]);
  });
});
