/**
 * The roster after the 2025 reform: units with a life span (`from`, `to`) and the unit they were merged into
 * (`successor`), pairs with a mountain district that name the communes they cover (`communes`). Each refusal
 * is checked with its exact message.
 */
import {
  formatRosterError,
  PAIR_COLUMNS,
  UNIT_COLUMNS,
  validateRoster,
  type RawRoster,
} from '../../../domain/roster';
import type { UnitKind } from '../../../domain/units';
import { readJson } from '../../../roster/read-file';
import { csvTable, replace } from './support';

/** Districts until 30/06/2025, their communes merged into one; the new ward sponsors the new commune. */
const UNITS_2025: string[][] = [
  ['DIEN-BAN', 'Thị xã Điện Bàn', 'LOWLAND_DISTRICT', '', '', '', '', '2020', '30/06/2025', 'P-DIEN-BAN'],
  ['P-DIEN-BAN', 'Phường Điện Bàn', 'LOWLAND_COMMUNE', '', '', '', '', '2025-07-01', '', ''],
  ['NAM-GIANG', 'Huyện Nam Giang', 'MOUNTAIN_DISTRICT', '', '', '', '', '', '2025-06-30', ''],
  ['LA-DEE', 'Xã La Dêê', 'COMMUNE', 'NAM-GIANG', 'có', '', '', '', '2025-06-30', 'XA-LA-EE'],
  ['DAC-PRING', 'Xã Đắc Pring', 'COMMUNE', 'NAM-GIANG', 'có', '', '', '', '2025-06-30', 'XA-LA-EE'],
  ['CA-DY', 'Xã Cà Dy', 'COMMUNE', 'NAM-GIANG', '', '', '', '', '2025-06-30', ''],
  ['XA-LA-EE', 'Xã La Êê', 'COMMUNE', '', 'có', '', '', '2025-07-01', '', ''],
];
const PAIRS_2025: string[][] = [
  ['KN-11', 'DIEN-BAN', 'NAM-GIANG', '2020', '30/06/2025', 'LA-DEE; DAC-PRING'],
  ['KN-2025-01', 'P-DIEN-BAN', 'XA-LA-EE', '2025-07-01', '', ''],
];

function roster2025(units = UNITS_2025, pairs = PAIRS_2025): RawRoster {
  return {
    units: csvTable('units.csv', UNIT_COLUMNS, units),
    pairs: csvTable('pairs.csv', PAIR_COLUMNS, pairs),
  };
}

function messages(raw: RawRoster, knownUnits?: ReadonlyMap<string, UnitKind>): string[] {
  const result = validateRoster(raw, knownUnits ? { knownUnits } : {});
  return result.ok ? [] : result.errors.map(formatRosterError);
}

describe('units with a life span and a successor, pairs with their communes', () => {
  it('reads validity dates (a bare year too), the successor and the communes', () => {
    const result = validateRoster(roster2025());
    if (!result.ok) throw new Error(result.errors.map(formatRosterError).join('\n'));
    const [dienBan, ward, district, laDee] = result.roster.units;
    expect(dienBan).toMatchObject({ from: '2020-01-01', to: '2025-06-30', successor: 'P-DIEN-BAN' });
    expect(ward).toMatchObject({ kind: 'LOWLAND_COMMUNE', from: '2025-07-01', to: null, successor: null });
    expect(district).toMatchObject({ from: null, to: '2025-06-30', successor: null });
    expect(laDee).toMatchObject({ parent: 'NAM-GIANG', successor: 'XA-LA-EE' });
    expect(result.roster.pairs.map((p) => [p.code, p.from, p.to, p.communes])).toEqual([
      ['KN-11', '2020-01-01', '2025-06-30', ['LA-DEE', 'DAC-PRING']],
      ['KN-2025-01', '2025-07-01', null, []],
    ]);
  });

  it('accepts a successor that is only in the database, of the same side', () => {
    const units = replace(UNITS_2025, 5, [
      'CA-DY',
      'Xã Cà Dy',
      'COMMUNE',
      'NAM-GIANG',
      '',
      '',
      '',
      '',
      '2025-06-30',
      'XA-NAM-GIANG',
    ]);
    expect(messages(roster2025(units), new Map([['XA-NAM-GIANG', 'COMMUNE']]))).toEqual([]);
  });

  it('reads the communes of a JSON pair as an array, and the unit dates as numbers or strings', () => {
    const document = {
      units: [
        { code: 'NAM-GIANG', name: 'Huyện Nam Giang', kind: 'MOUNTAIN_DISTRICT', to: '2025-06-30' },
        { code: 'LA-DEE', name: 'Xã La Dêê', kind: 'COMMUNE', parent: 'NAM-GIANG', from: 2020, to: 2025 },
        { code: 'CA-DY', name: 'Xã Cà Dy', kind: 'COMMUNE', parent: 'NAM-GIANG' },
        { code: 'DIEN-BAN', name: 'Thị xã Điện Bàn', kind: 'LOWLAND_DISTRICT' },
      ],
      pairs: [
        {
          code: 'KN-11',
          sponsor: 'DIEN-BAN',
          recipient: 'NAM-GIANG',
          from: 2020,
          to: '2025-06-30',
          communes: ['LA-DEE', 'CA-DY'],
        },
      ],
    };
    const read = readJson('roster.json', Buffer.from(JSON.stringify(document)));
    if (read.raw === null) throw new Error('the test roster does not read');
    const result = validateRoster(read.raw);
    if (!result.ok) throw new Error(result.errors.map(formatRosterError).join('\n'));
    expect(result.roster.units[1]).toMatchObject({ from: '2020-01-01', to: '2025-12-31' });
    expect(result.roster.pairs[0]?.communes).toEqual(['LA-DEE', 'CA-DY']);
  });
});

describe('refusals of the 2025 columns, each with its exact message', () => {
  const cases: [string, RawRoster, string[], ReadonlyMap<string, UnitKind>?][] = [
    [
      'a successor in neither the file nor the database',
      roster2025(replace(UNITS_2025, 5, [...UNITS_2025[5]!.slice(0, 9), 'XA-KHONG-CO'])),
      [
        'units.csv, dòng 7, cột successor: Đơn vị kế thừa «XA-KHONG-CO» không có trong danh sách đơn vị cũng như trong cơ sở dữ liệu. / The successor unit "XA-KHONG-CO" is neither in the list of units nor in the database.',
      ],
    ],
    [
      'a unit merged into itself',
      roster2025(replace(UNITS_2025, 5, [...UNITS_2025[5]!.slice(0, 9), 'CA-DY'])),
      [
        'units.csv, dòng 7, cột successor: Đơn vị «CA-DY» không thể được sáp nhập vào chính nó. / The unit "CA-DY" cannot be merged into itself.',
      ],
    ],
    [
      'a recipient merged into a sponsor of the file',
      roster2025(replace(UNITS_2025, 5, [...UNITS_2025[5]!.slice(0, 9), 'P-DIEN-BAN'])),
      [
        'units.csv, dòng 7, cột successor: Đơn vị kế thừa «P-DIEN-BAN» thuộc loại LOWLAND_COMMUNE, khác bên với đơn vị loại COMMUNE: bên kết nghĩa chỉ sáp nhập vào bên kết nghĩa, bên được kết nghĩa chỉ sáp nhập vào bên được kết nghĩa. / The successor "P-DIEN-BAN" is of kind LOWLAND_COMMUNE, on the other side from a unit of kind COMMUNE: a sponsor merges only into a sponsor, a recipient only into a recipient.',
      ],
    ],
    [
      'a sponsor merged into a recipient of the database',
      roster2025(replace(UNITS_2025, 0, [...UNITS_2025[0]!.slice(0, 9), 'XA-DB'])),
      [
        'units.csv, dòng 2, cột successor: Đơn vị kế thừa «XA-DB» thuộc loại COMMUNE, khác bên với đơn vị loại LOWLAND_DISTRICT: bên kết nghĩa chỉ sáp nhập vào bên kết nghĩa, bên được kết nghĩa chỉ sáp nhập vào bên được kết nghĩa. / The successor "XA-DB" is of kind COMMUNE, on the other side from a unit of kind LOWLAND_DISTRICT: a sponsor merges only into a sponsor, a recipient only into a recipient.',
      ],
      new Map([['XA-DB', 'COMMUNE']]),
    ],
    [
      'two units merged into each other',
      roster2025(
        replace(replace(UNITS_2025, 5, [...UNITS_2025[5]!.slice(0, 9), 'XA-LA-EE']), 6, [
          ...UNITS_2025[6]!.slice(0, 9),
          'CA-DY',
        ]),
      ),
      [
        'units.csv, dòng 7, cột successor: Chuỗi đơn vị kế thừa quay lại chính nó: CA-DY → XA-LA-EE → CA-DY. / The chain of successors comes back to where it started: CA-DY → XA-LA-EE → CA-DY.',
      ],
    ],
    [
      'a unit that ends before it begins, in dates and in years',
      roster2025([
        ...UNITS_2025,
        ['XA-A', 'Xã A', 'COMMUNE', '', '', '', '', '01/07/2025', '2025-06-30', ''],
        ['XA-B', 'Xã B', 'COMMUNE', '', '', '', '', '2026', '2025', ''],
      ]),
      [
        'units.csv, dòng 9, cột to: Ngày bắt đầu 2025-07-01 sau ngày kết thúc 2025-06-30. / The start date 2025-07-01 is after the end date 2025-06-30.',
        'units.csv, dòng 10, cột to: Năm kết thúc 2025 trước năm bắt đầu 2026. / The end year 2025 is before the start year 2026.',
      ],
    ],
    [
      'an impossible unit date and a year out of range',
      roster2025([...UNITS_2025, ['XA-A', 'Xã A', 'COMMUNE', '', '', '', '', '31/06/2025', '1920', '']]),
      [
        'units.csv, dòng 9, cột from: Ngày «31/06/2025» không hợp lệ; dùng dạng yyyy-mm-dd, dd/mm/yyyy hoặc chỉ ghi năm (yyyy). / The date "31/06/2025" is invalid; use yyyy-mm-dd, dd/mm/yyyy or a year alone (yyyy).',
        'units.csv, dòng 9, cột to: Năm «1920» nằm ngoài khoảng cho phép, từ năm 1990 đến năm 2100. / The year "1920" is outside the accepted range, 1990 to 2100.',
      ],
    ],
    [
      'communes on a pair whose recipient is a commune',
      roster2025(
        UNITS_2025,
        replace(PAIRS_2025, 1, ['KN-2025-01', 'P-DIEN-BAN', 'XA-LA-EE', '2025-07-01', '', 'CA-DY']),
      ),
      [
        'pairs.csv, dòng 3, cột communes: Chỉ cặp có bên được kết nghĩa là huyện miền núi (MOUNTAIN_DISTRICT) mới được ghi danh sách xã; «XA-LA-EE» thuộc loại COMMUNE. / Only a pair whose recipient is a mountain district (MOUNTAIN_DISTRICT) may list communes; "XA-LA-EE" is of kind COMMUNE.',
      ],
    ],
    [
      'communes unknown, outside the district, or not a commune',
      roster2025(
        UNITS_2025,
        replace(PAIRS_2025, 0, [
          'KN-11',
          'DIEN-BAN',
          'NAM-GIANG',
          '2020',
          '2025',
          'XA-KHONG-CO;XA-LA-EE;P-DIEN-BAN',
        ]),
      ),
      [
        'pairs.csv, dòng 2, cột communes: Xã «XA-KHONG-CO» không có trong danh sách đơn vị. / The commune "XA-KHONG-CO" is not in the list of units.',
        'pairs.csv, dòng 2, cột communes: «XA-LA-EE» không phải là xã thuộc huyện «NAM-GIANG». / "XA-LA-EE" is not a commune of the district "NAM-GIANG".',
        'pairs.csv, dòng 2, cột communes: «P-DIEN-BAN» không phải là xã thuộc huyện «NAM-GIANG». / "P-DIEN-BAN" is not a commune of the district "NAM-GIANG".',
      ],
    ],
    [
      'a commune listed twice, and a code that is not one',
      roster2025(
        UNITS_2025,
        replace(PAIRS_2025, 0, ['KN-11', 'DIEN-BAN', 'NAM-GIANG', '2020', '2025', 'LA-DEE;Xã Cà Dy;LA-DEE']),
      ),
      [
        'pairs.csv, dòng 2, cột communes: Mã «Xã Cà Dy» không hợp lệ: chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới, tối đa 40 ký tự. / The code "Xã Cà Dy" is invalid: only unaccented letters, digits, dot, hyphen and underscore, at most 40 characters.',
        'pairs.csv, dòng 2, cột communes: Xã «LA-DEE» được ghi hai lần trong danh sách xã của cặp. / The commune "LA-DEE" is listed twice for the pair.',
      ],
    ],
  ];

  for (const [name, raw, expected, known] of cases) {
    it(name, () => {
      expect(messages(raw, known)).toEqual(expected);
    });
  }

  it('reports the errors of every row at once, with those of the older columns', () => {
    const units = [
      ...replace(UNITS_2025, 5, [
        'CA-DY',
        'Xã Cà Dy',
        'TOWN',
        'NAM-GIANG',
        '',
        '',
        '',
        '',
        '2025-06-30',
        'CA-DY',
      ]),
      ['XA-A', 'Xã A', 'COMMUNE', '', '', '', '', '2026', '2025', 'XA-KHONG-CO'],
    ];
    const pairs = replace(PAIRS_2025, 1, [
      'KN-2025-01',
      'P-DIEN-BAN',
      'XA-LA-EE',
      '2025-07-01',
      '',
      'LA-DEE',
    ]);
    const result = validateRoster(roster2025(units, pairs));
    expect(result.ok ? [] : result.errors.map((e) => [e.file, e.row, e.column, e.key])).toEqual([
      ['units.csv', 7, 'kind', 'roster.kindInvalid'],
      ['units.csv', 9, 'to', 'roster.yearsReversed'],
      ['pairs.csv', 3, 'communes', 'roster.communesNotAllowed'],
    ]);
  });
});
