import {
  describeRosterError,
  formatRosterError,
  validateRoster,
  type RawRoster,
  type RosterRules,
} from '../../../domain/roster';
import { csvTable, PAIRS, PAIRS_HEADER, replace, roster, UNITS } from './support';

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
        'pairs.csv, dòng 4, cột sponsor: Bên kết nghĩa «NAM-GIANG» thuộc loại MOUNTAIN_DISTRICT; bên kết nghĩa phải là sở, ban, ngành (DEPARTMENT) hoặc huyện đồng bằng (LOWLAND_DISTRICT). / The sponsor "NAM-GIANG" is of kind MOUNTAIN_DISTRICT; a sponsor must be a department (DEPARTMENT) or a lowland district (LOWLAND_DISTRICT).',
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
        'pairs.csv, dòng 3, cột from: Ngày «30/02/2020» không hợp lệ; dùng dạng yyyy-mm-dd hoặc dd/mm/yyyy. / The date "30/02/2020" is invalid; use yyyy-mm-dd or dd/mm/yyyy.',
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
        'units.csv, dòng 1: Thiếu dòng tiêu đề: dòng đầu tiên phải là code,name,kind,parent,border,staff,emails / The header line is missing: the first line must be code,name,kind,parent,border,staff,emails',
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
        'units.csv, dòng 1: Dòng tiêu đề dùng dấu phân cách «;»; tệp phải phân cách bằng dấu phẩy, với tiêu đề: code,name,kind,parent,border,staff,emails / The header uses ";" as delimiter; the file must be comma-separated, with the header: code,name,kind,parent,border,staff,emails',
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
        'units.csv, dòng 1: Dòng tiêu đề thiếu cột kind; tiêu đề đúng là: code,name,kind,parent,border,staff,emails / The header lacks the column(s) kind; the expected header is: code,name,kind,parent,border,staff,emails',
        'units.csv, dòng 1, cột type: Cột «type» không được nhận biết; các cột hợp lệ: code,name,kind,parent,border,staff,emails / Unknown column "type"; valid columns: code,name,kind,parent,border,staff,emails',
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
