import { looksLikeFormula, neutraliseCell } from '../../domain/export-safety';

describe('neutraliseCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+84 235 3810 000', "'+84 235 3810 000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Sở Tài chính', 'Sở Tài chính'],
    ['a=b', 'a=b'],
    ['', ''],
    ["'=1", "'=1"],
  ])('neutraliseCell(%j) = %j', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
    expect(looksLikeFormula(value)).toBe(expected !== value);
  });
});
