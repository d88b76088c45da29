import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import ExcelJS from 'exceljs';
import JSZip from 'jszip';

import { formatRosterError, PAIR_COLUMNS, UNIT_COLUMNS, type RosterFile } from '../../domain/roster';
import { csvPartner } from '../../roster/read-file';
import { loadRoster, type LoadRosterResult } from '../../roster/load';
import type { UnitKind } from '../../domain/units';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'rosters');
const fixture = (name: string) => path.join(FIXTURES, name);

async function messages(paths: string[], options = {}): Promise<string[]> {
  const result = await loadRoster(paths, options);
  return result.ok ? [] : result.errors.map(formatRosterError);
}

/** The roster of a load that must succeed; otherwise the test fails with the load's errors. */
function rosterOf(result: LoadRosterResult): RosterFile {
  if (!result.ok) throw new Error(result.errors.map(formatRosterError).join('\n'));
  return result.roster;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'roster-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CSV', () => {
  it('finds pairs.csv beside units.csv, and X.pairs.csv beside X.units.csv', () => {
    expect(csvPartner('/a/units.csv')).toEqual({ path: '/a/pairs.csv', firstIs: 'units' });
    expect(csvPartner('/a/2026.pairs.csv')).toEqual({ path: '/a/2026.units.csv', firstIs: 'pairs' });
    expect(csvPartner('/a/roster.csv')).toBeNull();
    expect(csvPartner('/a/myunits.csv')).toBeNull();
  });

  it('reads the demo roster from one path or from both', async () => {
    // The copy of demo/roster-csv: 16 units since 1 July 2025 and 13 of the district era; 10 pairs and 6.
    const one = await loadRoster([fixture('units.csv')]);
    const two = await loadRoster([fixture('units.csv'), fixture('pairs.csv')]);
    const fromPairs = await loadRoster([fixture('pairs.csv')]);
    for (const result of [one, two, fromPairs]) {
      expect(result.ok && [result.roster.units.length, result.roster.pairs.length]).toEqual([29, 16]);
    }
  });

  it('accepts UTF-8 with a BOM and Windows line endings, and gives the same roster', async () => {
    const units = await readFile(fixture('units.csv'), 'utf8');
    const pairs = await readFile(fixture('pairs.csv'), 'utf8');
    await writeFile(path.join(dir, 'bom.units.csv'), `\uFEFF${units.replace(/\n/g, '\r\n')}`);
    await writeFile(path.join(dir, 'bom.pairs.csv'), `\uFEFF${pairs.replace(/\n/g, '\r\n')}`);
    // Both loads must succeed (a failure names its errors): the comparison below always runs.
    const plain = rosterOf(await loadRoster([fixture('units.csv')]));
    const bom = rosterOf(await loadRoster([path.join(dir, 'bom.units.csv')]));
    const strip = (r: RosterFile) => ({
      units: r.units.map(({ source: { row }, ...u }) => ({ ...u, row })),
      pairs: r.pairs.map(({ source: { row }, ...p }) => ({ ...p, row })),
    });
    expect([bom.units.length, bom.pairs.length]).toEqual([29, 16]);
    expect(strip(bom)).toEqual(strip(plain));
    expect(bom.units[0]?.code).toBe('DN-STC');
  });

  it("tells a misplaced or unclosed quote by its line, in the catalogue's words", async () => {
    await writeFile(path.join(dir, 'quote.pairs.csv'), 'code,sponsor,recipient,from,to\n');
    await writeFile(path.join(dir, 'quote.units.csv'), 'code,name,kind\nA,"Sở" A,DEPARTMENT\n');
    await writeFile(path.join(dir, 'open.pairs.csv'), 'code,sponsor,recipient,from,to\n');
    await writeFile(
      path.join(dir, 'open.units.csv'),
      'code,name,kind\nA,"Sở A,DEPARTMENT\nB,Sở B,DEPARTMENT\n',
    );
    expect(await messages([path.join(dir, 'quote.units.csv')])).toEqual([
      'quote.units.csv: Tệp CSV sai cú pháp ở dòng 2: dấu ngoặc kép («"») đặt sai chỗ. Ô có dấu ngoặc kép phải được bao cả ô trong ngoặc kép, mỗi dấu ngoặc kép bên trong viết thành hai (""). / The CSV file is malformed on line 2: a double quote (") is out of place. A cell holding a double quote must be quoted as a whole, each quote inside written twice ("").',
    ]);
    expect(await messages([path.join(dir, 'open.units.csv')])).toEqual([
      'open.units.csv: Tệp CSV sai cú pháp: một dấu ngoặc kép («"») được mở mà không đóng, nên phần còn lại của tệp đến dòng 3 bị đọc thành một ô. Hãy đóng dấu ngoặc kép đó, hoặc viết mỗi dấu ngoặc kép trong ô thành hai (""). / The CSV file is malformed: a double quote (") is opened and never closed, so the rest of the file up to line 3 reads as one cell. Close that quote, or write each quote inside a cell twice ("").',
    ]);
  });

  it('reports the line of the row, even after a quoted cell spanning two lines', async () => {
    await writeFile(
      path.join(dir, 'multi.units.csv'),
      'code,name,kind,parent,border,staff,emails\nA,Sở A,DEPARTMENT,,,1,"a@x.example.gov.vn\nb@x.example.gov.vn"\nB,Sở B,DEPARTMENT,,,-1,\n',
    );
    await writeFile(path.join(dir, 'multi.pairs.csv'), 'code,sponsor,recipient,from,to\n');
    expect(await messages([path.join(dir, 'multi.units.csv')])).toEqual([
      'multi.units.csv, dòng 4, cột staff: Số biên chế «-1» không hợp lệ: phải là số nguyên không âm. / The staff count "-1" is invalid: it must be a non-negative whole number.',
    ]);
  });

  it('reads the 2025 columns of a CSV roster: a ;-separated communes cell in quotes or not', async () => {
    await writeFile(
      path.join(dir, 'reform.units.csv'),
      'code,name,kind,parent,border,staff,emails,from,to,successor\n' +
        'DIEN-BAN,Thị xã Điện Bàn,LOWLAND_DISTRICT,,,,,2020,30/06/2025,P-DIEN-BAN\n' +
        'P-DIEN-BAN,Phường Điện Bàn,LOWLAND_COMMUNE,,,,,2025-07-01,,\n' +
        'NAM-GIANG,Huyện Nam Giang,MOUNTAIN_DISTRICT,,,,,,2025-06-30,\n' +
        'LA-DEE,Xã La Dêê,COMMUNE,NAM-GIANG,có,,,,,\n' +
        'CA-DY,Xã Cà Dy,COMMUNE,NAM-GIANG,,,,,,\n',
    );
    await writeFile(
      path.join(dir, 'reform.pairs.csv'),
      'code,sponsor,recipient,from,to,communes\n' +
        'KN-11,DIEN-BAN,NAM-GIANG,2020,30/06/2025,"LA-DEE; CA-DY"\n' +
        'KN-12,P-DIEN-BAN,NAM-GIANG,2025-07-01,,LA-DEE\n',
    );
    const roster = rosterOf(await loadRoster([path.join(dir, 'reform.units.csv')]));
    expect(roster.units[0]).toMatchObject({ from: '2020-01-01', to: '2025-06-30', successor: 'P-DIEN-BAN' });
    expect(roster.pairs.map((p) => [p.code, p.communes])).toEqual([
      ['KN-11', ['LA-DEE', 'CA-DY']],
      ['KN-12', ['LA-DEE']],
    ]);
  });

  it('asks for the stored units only when a successor is not a row of the file', async () => {
    const units = path.join(dir, 'stored-successor.units.csv');
    await writeFile(
      units,
      'code,name,kind,parent,border,staff,emails,from,to,successor\n' +
        'DIEN-BAN,Thị xã Điện Bàn,LOWLAND_DISTRICT,,,,,2020,30/06/2025,P-DIEN-BAN\n' +
        'NAM-GIANG,Huyện Nam Giang,MOUNTAIN_DISTRICT,,,,,,,\n',
    );
    await writeFile(path.join(dir, 'stored-successor.pairs.csv'), 'code,sponsor,recipient,from\n');
    const asked: string[] = [];
    const stored = (kinds: [string, UnitKind][]) => () => {
      asked.push('stored units');
      return Promise.resolve(new Map(kinds));
    };
    // Successor found among the stored units: the file is valid, the database was asked once.
    const found = rosterOf(
      await loadRoster([units], { storedUnits: stored([['P-DIEN-BAN', 'LOWLAND_COMMUNE']]) }),
    );
    expect(found.units[0]).toMatchObject({ code: 'DIEN-BAN', successor: 'P-DIEN-BAN' });
    expect(asked).toEqual(['stored units']);
    // Neither in the file nor stored: refused, naming the code.
    expect(await messages([units], { storedUnits: stored([['NAM-GIANG', 'MOUNTAIN_DISTRICT']]) })).toEqual([
      'stored-successor.units.csv, dòng 2, cột successor: Đơn vị kế thừa «P-DIEN-BAN» không có trong danh sách đơn vị cũng như trong cơ sở dữ liệu. / The successor unit "P-DIEN-BAN" is neither in the list of units nor in the database.',
    ]);
    // Every successor a row of the file: the database is not asked.
    asked.length = 0;
    await writeFile(
      units,
      'code,name,kind,parent,border,staff,emails,from,to,successor\n' +
        'DIEN-BAN,Thị xã Điện Bàn,LOWLAND_DISTRICT,,,,,2020,30/06/2025,P-DIEN-BAN\n' +
        'P-DIEN-BAN,Phường Điện Bàn,LOWLAND_COMMUNE,,,,,2025-07-01,,\n',
    );
    expect(rosterOf(await loadRoster([units], { storedUnits: stored([]) })).units).toHaveLength(2);
    expect(asked).toEqual([]);
  });

  it('rejects a semicolon-separated file, naming the expected header', async () => {
    expect(await messages([fixture('semicolon.units.csv')])).toEqual([
      'semicolon.units.csv, dòng 1: Dòng tiêu đề dùng dấu phân cách «;»; tệp phải phân cách bằng dấu phẩy, với tiêu đề: code,name,kind,parent,border,staff,emails,from,to,successor / The header uses ";" as delimiter; the file must be comma-separated, with the header: code,name,kind,parent,border,staff,emails,from,to,successor',
      'semicolon.pairs.csv, dòng 1: Dòng tiêu đề dùng dấu phân cách «;»; tệp phải phân cách bằng dấu phẩy, với tiêu đề: code,sponsor,recipient,from,to,communes / The header uses ";" as delimiter; the file must be comma-separated, with the header: code,sponsor,recipient,from,to,communes',
    ]);
  });

  it('rejects a file without a header line', async () => {
    expect(await messages([fixture('noheader.units.csv')])).toEqual([
      'noheader.units.csv, dòng 1: Thiếu dòng tiêu đề: dòng đầu tiên phải là code,name,kind,parent,border,staff,emails,from,to,successor / The header line is missing: the first line must be code,name,kind,parent,border,staff,emails,from,to,successor',
    ]);
  });

  it('rejects an empty file', async () => {
    expect(await messages([fixture('empty.units.csv')])).toEqual([
      'empty.units.csv: Tệp rỗng: không có dòng tiêu đề và không có dữ liệu. / The file is empty: no header line and no data.',
    ]);
  });

  it('rejects a file with the header only', async () => {
    expect(await messages([fixture('headeronly.units.csv')])).toEqual([
      'headeronly.units.csv: Có dòng tiêu đề nhưng không có dòng dữ liệu nào. / The header is there but there are no data rows.',
    ]);
  });

  it('says which partner file is missing', async () => {
    await writeFile(path.join(dir, 'alone.units.csv'), 'code,name,kind\nA,Sở A,DEPARTMENT\n');
    expect(await messages([path.join(dir, 'alone.units.csv')])).toEqual([
      'alone.units.csv: Không tìm thấy tệp alone.pairs.csv nằm cùng thư mục. Hãy đặt tệp đó cạnh tệp này hoặc nêu cả hai tệp trong lệnh. / The file alone.pairs.csv was not found beside this file. Put it next to this file or name both files in the command.',
    ]);
  });

  it('rejects a file that is not UTF-8 (a legacy code page)', async () => {
    await writeFile(
      path.join(dir, 'latin.units.csv'),
      Buffer.from([0x63, 0x6f, 0x64, 0x65, 0x0a, 0xe0, 0xff, 0x0a]),
    );
    await writeFile(path.join(dir, 'latin.pairs.csv'), 'code,sponsor,recipient,from,to\n');
    expect(await messages([path.join(dir, 'latin.units.csv')])).toEqual([
      'latin.units.csv: Tệp không được mã hóa UTF-8; hãy lưu lại tệp với mã hóa UTF-8 (có hoặc không có BOM). / The file is not UTF-8 encoded; save it again as UTF-8 (with or without BOM).',
    ]);
  });

  it('keeps cells that start with =, +, - or @ as text', async () => {
    const result = await loadRoster([fixture('formula.units.csv')]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.roster.units.map((u) => u.name)).toEqual([
      '=HYPERLINK("http://evil.example","Bấm vào đây")',
      '+84 Sở Kế hoạch',
      '-Sở Y tế',
      '@Sở Công Thương',
      'Huyện Nam Giang',
    ]);
  });
});

describe('size limit', () => {
  it('refuses a file over 10 MiB before parsing, stating its size and the limit', async () => {
    const file = path.join(dir, 'big.units.csv');
    const row = 'QN-X,So Tai chinh,DEPARTMENT,,,85,a@x.example.gov.vn\n';
    await writeFile(
      file,
      `code,name,kind,parent,border,staff,emails\n${row.repeat(Math.ceil((10.5 * 1024 * 1024) / row.length))}`,
    );
    await writeFile(path.join(dir, 'big.pairs.csv'), 'code,sponsor,recipient,from,to\n');
    expect(await messages([file])).toEqual([
      'big.units.csv: Tệp có dung lượng 10.5 MB, vượt quá giới hạn 10 MB; tệp không được đọc. / The file is 10.5 MB, over the 10 MB limit; it was not read.',
    ]);
  });

  it('has a configurable limit', async () => {
    expect(await messages([fixture('units.csv')], { maxBytes: 1024 })).toEqual([
      'units.csv: Tệp có dung lượng 0.0 MB, vượt quá giới hạn 0 MB; tệp không được đọc. / The file is 0.0 MB, over the 0 MB limit; it was not read.',
    ]);
  });

  it('reads and validates a file just under 10 MiB whole, reporting progress (its speed is a benchmark, B6)', async () => {
    const units = path.join(dir, 'large.units.csv');
    const lines = ['code,name,kind,parent,border,staff,emails'];
    let size = 0;
    for (let i = 0; size < 9.8 * 1024 * 1024; i++) {
      const line = `D${i},Sở Tài chính số ${i} của tỉnh Quảng Nam,DEPARTMENT,,,${i % 500},head:lanh.dao${i}@stc.example.gov.vn;van.thu${i}@stc.example.gov.vn`;
      lines.push(line);
      size += Buffer.byteLength(line) + 1;
    }
    await writeFile(units, `${lines.join('\n')}\n`);
    await writeFile(path.join(dir, 'large.pairs.csv'), 'code,sponsor,recipient,from,to\n');
    let progressCalls = 0;
    const result = await loadRoster([units], { onProgress: () => progressCalls++ });
    expect(result.ok && result.roster.units.length).toBe(lines.length - 1);
    expect(progressCalls).toBeGreaterThan(10);
  }, 300_000);
});

describe('xlsx', () => {
  async function workbook(file: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    build(wb);
    const full = path.join(dir, file);
    await wb.xlsx.writeFile(full);
    return full;
  }

  it('refuses a workbook with a damaged byte instead of reading other text from it', async () => {
    const file = await workbook('damaged.xlsx', (wb) => {
      wb.addWorksheet('units').addRows([
        ['code', 'name', 'kind', 'staff'],
        ['STC', 'Sở Tài chính Lào Cai', 'DEPARTMENT', 85],
      ]);
      wb.addWorksheet('pairs').addRow(['code', 'sponsor', 'recipient', 'from']);
    });
    // Stored without compression, one letter of a name changed: every byte of the zip still reads, only the
    // part's CRC-32 says the text is not what was saved.
    const zip = await JSZip.loadAsync(await readFile(file));
    const stored = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
    const at = stored.indexOf('Lào Cai');
    expect(at).toBeGreaterThan(0);
    stored[at] = 'K'.charCodeAt(0);
    await writeFile(file, stored);
    await writeFile(
      path.join(dir, 'intact.xlsx'),
      await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' }),
    );
    expect(rosterOf(await loadRoster([path.join(dir, 'intact.xlsx')])).units[0]!.name).toBe(
      'Sở Tài chính Lào Cai',
    );
    expect(await messages([file])).toEqual([
      'damaged.xlsx: Không đọc được tệp Excel: tệp bị hỏng, bị cắt ngắn hoặc không phải bảng tính .xlsx. Hãy mở tệp bằng Excel và lưu lại dạng .xlsx. / The Excel file cannot be read: it is damaged, cut short or not an .xlsx workbook. Open it in Excel and save it again as .xlsx.',
    ]);
  });

  it('reads the Vietnamese sheets, takes a real formula as its text and a text "=…" as text', async () => {
    const file = await workbook('roster.xlsx', (wb) => {
      const units = wb.addWorksheet('Đơn vị');
      units.addRow(['code', 'name', 'kind', 'parent', 'border', 'staff', 'emails']);
      units.addRow(['STC', 'Sở Tài chính', 'DEPARTMENT', null, null, 85, 'head:gd@stc.example.gov.vn']);
      units.addRow([
        'SKH',
        { formula: 'CONCAT("Sở ","Kế hoạch")', result: 'Sở Kế hoạch' },
        'DEPARTMENT',
        null,
        false,
        72,
        null,
      ]);
      units.addRow(['SYT', '=1+1', 'DEPARTMENT', null, null, 30, null]);
      units.addRow(['NAM-GIANG', 'Huyện Nam Giang', 'MOUNTAIN_DISTRICT']);
      units.addRow([
        'LA-DEE',
        { richText: [{ text: 'Xã ' }, { text: 'La Dêê', font: { bold: true } }] },
        'COMMUNE',
        'NAM-GIANG',
        true,
      ]);
      const pairs = wb.addWorksheet('Cặp kết nghĩa');
      pairs.addRow(['code', 'sponsor', 'recipient', 'from', 'to']);
      pairs.addRow(['KN-01', 'STC', 'LA-DEE', new Date(Date.UTC(2020, 0, 1)), '31/12/2030']);
    });
    const result = await loadRoster([file]);
    if (!result.ok) throw new Error(result.errors.map(formatRosterError).join('\n'));
    expect(result.roster.units.map((u) => [u.code, u.name, u.staff, u.border])).toEqual([
      ['STC', 'Sở Tài chính', 85, false],
      ['SKH', '=CONCAT("Sở ","Kế hoạch")', 72, false],
      ['SYT', '=1+1', 30, false],
      ['NAM-GIANG', 'Huyện Nam Giang', null, false],
      ['LA-DEE', 'Xã La Dêê', null, true],
    ]);
    expect(result.roster.pairs[0]).toMatchObject({ from: '2020-01-01', to: '2030-12-31' });
  });

  it('reports a formula in a number column as an invalid value, not its result', async () => {
    const file = await workbook('formula-staff.xlsx', (wb) => {
      const units = wb.addWorksheet('units');
      units.addRow(['code', 'name', 'kind', 'parent', 'border', 'staff', 'emails']);
      units.addRow(['SYT', 'Sở Y tế', 'DEPARTMENT', null, null, { formula: '40+2', result: 42 }, null]);
      wb.addWorksheet('pairs').addRow(['code', 'sponsor', 'recipient', 'from', 'to']);
    });
    expect(await messages([file])).toEqual([
      'formula-staff.xlsx, trang units, dòng 2, cột staff: Số biên chế «=40+2» không hợp lệ: phải là số nguyên không âm. / The staff count "=40+2" is invalid: it must be a non-negative whole number.',
    ]);
  });

  it('reads unit validity dates (date cells, text, years), the successor and the communes of a pair', async () => {
    const file = await workbook('reform-2025.xlsx', (wb) => {
      const units = wb.addWorksheet('Đơn vị');
      units.addRow([...UNIT_COLUMNS]);
      units.addRow([
        'DIEN-BAN',
        'Thị xã Điện Bàn',
        'LOWLAND_DISTRICT',
        null,
        null,
        null,
        null,
        2020,
        new Date(Date.UTC(2025, 5, 30)),
        'P-DIEN-BAN',
      ]);
      units.addRow([
        'P-DIEN-BAN',
        'Phường Điện Bàn',
        'LOWLAND_COMMUNE',
        null,
        null,
        null,
        null,
        '01/07/2025',
      ]);
      units.addRow([
        'NAM-GIANG',
        'Huyện Nam Giang',
        'MOUNTAIN_DISTRICT',
        null,
        null,
        null,
        null,
        null,
        '2025-06-30',
      ]);
      units.addRow(['LA-DEE', 'Xã La Dêê', 'COMMUNE', 'NAM-GIANG', true]);
      units.addRow(['CA-DY', 'Xã Cà Dy', 'COMMUNE', 'NAM-GIANG']);
      const pairs = wb.addWorksheet('Cặp kết nghĩa');
      pairs.addRow([...PAIR_COLUMNS]);
      pairs.addRow(['KN-11', 'DIEN-BAN', 'NAM-GIANG', 2020, '30/06/2025', 'LA-DEE; CA-DY']);
    });
    const roster = rosterOf(await loadRoster([file]));
    expect(roster.units.map((u) => [u.code, u.from, u.to, u.successor])).toEqual([
      ['DIEN-BAN', '2020-01-01', '2025-06-30', 'P-DIEN-BAN'],
      ['P-DIEN-BAN', '2025-07-01', null, null],
      ['NAM-GIANG', null, '2025-06-30', null],
      ['LA-DEE', null, null, null],
      ['CA-DY', null, null, null],
    ]);
    expect(roster.pairs[0]).toMatchObject({
      from: '2020-01-01',
      to: '2025-06-30',
      communes: ['LA-DEE', 'CA-DY'],
    });
  });

  it('names the missing sheets', async () => {
    const file = await workbook('nosheets.xlsx', (wb) => wb.addWorksheet('Sheet1').addRow(['x']));
    expect(await messages([file])).toEqual([
      'nosheets.xlsx: Thiếu trang tính «Đơn vị» (hoặc «units»). / The sheet "Đơn vị" (or "units") is missing.',
      'nosheets.xlsx: Thiếu trang tính «Cặp kết nghĩa» (hoặc «pairs»). / The sheet "Cặp kết nghĩa" (or "pairs") is missing.',
    ]);
  });
});

describe('json', () => {
  it('reads the demo roster', async () => {
    const result = await loadRoster([path.resolve(__dirname, '..', '..', 'demo', 'roster.json')]);
    expect(result.ok && [result.roster.units.length, result.roster.pairs.length]).toEqual([29, 16]);
  });

  it('reports every problem of a bad JSON roster, by table and entry', async () => {
    expect(await messages([fixture('bad.json')])).toEqual([
      'bad.json, trang units, dòng 3, cột extra: Giá trị phải là chuỗi, số, true/false hoặc để trống. / The value must be a string, a number, true/false or empty.',
      'bad.json, trang units, dòng 1, cột staff: Số biên chế «-3» không hợp lệ: phải là số nguyên không âm. / The staff count "-3" is invalid: it must be a non-negative whole number.',
      'bad.json, trang units, dòng 1, cột emails: Địa chỉ thư điện tử «not-an-email» không hợp lệ. / The e-mail address "not-an-email" is invalid.',
      'bad.json, trang units, dòng 2, cột border: Chỉ xã mới có thể là xã biên giới; đơn vị loại MOUNTAIN_DISTRICT phải để border trống hoặc false. / Only a commune can be a border commune; a unit of kind MOUNTAIN_DISTRICT must leave border empty or false.',
      'bad.json, trang pairs, dòng 1, cột to: Ngày bắt đầu 2026-01-01 sau ngày kết thúc 2025-01-01. / The start date 2026-01-01 is after the end date 2025-01-01.',
    ]);
  });

  it("rejects malformed JSON, told where in the catalogue's words, and a wrong shape", async () => {
    await writeFile(path.join(dir, 'broken.json'), '{"units": [');
    await writeFile(path.join(dir, 'comma.json'), '{\n  "units": [\n    {"code": "A",}\n  ]\n}');
    await writeFile(path.join(dir, 'shape.json'), '[1, 2]');
    expect(await messages([path.join(dir, 'broken.json')])).toEqual([
      'broken.json: Tệp JSON dừng giữa chừng sau dòng 1: tệp bị cắt ngắn, hoặc thiếu dấu đóng (}, ] hoặc "). / The JSON file stops midway after line 1: it was cut short, or a closing }, ] or " is missing.',
    ]);
    expect(await messages([path.join(dir, 'comma.json')])).toEqual([
      'comma.json: Tệp JSON sai cú pháp ở dòng 3, cột 18: ký tự «}» không đúng chỗ. / The JSON file is malformed at line 3, column 18: the character "}" is out of place.',
    ]);
    expect(await messages([path.join(dir, 'shape.json')])).toEqual([
      'shape.json: Tệp JSON phải có dạng {"units": [ … ], "pairs": [ … ]}. / The JSON file must look like {"units": [ … ], "pairs": [ … ]}.',
    ]);
  });

  it('refuses a NUL, a lone surrogate and two keys naming one column, each where it is', async () => {
    await writeFile(
      path.join(dir, 'unstorable.json'),
      JSON.stringify({
        units: [
          { code: 'A', name: 'Sở\u0000A', kind: 'DEPARTMENT', staff: 1 },
          { code: 'B', name: 'Sở \ud800B', kind: 'DEPARTMENT', staff: 1 },
          { code: 'C', name: 'Sở C', Name: 'Sở Cũ', kind: 'DEPARTMENT', staff: 1 },
        ],
      }),
    );
    expect(await messages([path.join(dir, 'unstorable.json')])).toEqual([
      'unstorable.json, trang units, dòng 1, cột name: Ô có ký tự NUL (mã 0), không lưu được; hãy xóa ký tự đó. / The cell holds a NUL character (code 0), which cannot be stored; remove it.',
      'unstorable.json, trang units, dòng 2, cột name: Ô có một nửa ký tự Unicode đứng riêng (\\ud800–\\udfff trong JSON), không lưu đúng được; hãy viết lại ký tự đó. / The cell holds half of a Unicode character on its own (\\ud800–\\udfff in JSON), which cannot be stored as written; write that character again.',
      'unstorable.json, trang units, dòng 3, cột Name: Cột «name» xuất hiện nhiều lần trong dòng tiêu đề. / The column "name" appears more than once in the header.',
    ]);
  });

  it('rejects other formats', async () => {
    expect(await messages(['roster.ods'])).toEqual([
      'roster.ods: Định dạng tệp không được hỗ trợ: chỉ nhận tệp .xlsx, .csv hoặc .json. / Unsupported file format: only .xlsx, .csv or .json files are accepted.',
    ]);
  });
});
