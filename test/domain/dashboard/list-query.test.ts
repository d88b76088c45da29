/** The cycle list's query schema: strings of a URL, defaults, and the catalogue message of every bad value. */
import { parseCycleListQuery } from '../../../domain/dashboard/list-query';
import { bilingualOf } from '../../../domain/messages';

const errors = (input: Record<string, unknown>) => {
  const result = parseCycleListQuery(input);
  return result.ok ? [] : result.errors.map(bilingualOf);
};

describe('list query', () => {
  it('reads a URL’s strings and fills the defaults', () => {
    expect(
      parseCycleListQuery({
        year: '2026',
        overdue: 'true',
        escalation: '2',
        page: '3',
        sponsor: ' SO-A ',
        phase: '',
      }),
    ).toEqual({
      ok: true,
      query: {
        year: 2026,
        overdue: true,
        escalation: 2,
        page: 3,
        sponsor: 'SO-A',
        phase: undefined,
        pageSize: 50,
        sort: 'pair',
        dir: 'asc',
        ratingStage: 'any',
      },
    });
    expect(parseCycleListQuery(undefined)).toMatchObject({ ok: true, query: { page: 1, pageSize: 50 } });
    expect(parseCycleListQuery({ overdue: '0', pageSize: 200 })).toMatchObject({
      ok: true,
      query: { overdue: false, pageSize: 200 },
    });
  });

  it('refuses each bad value with a message that names the parameter, the value and what is accepted', () => {
    expect(errors({ pageSize: '201' })).toEqual([
      'Tham số «pageSize» phải là số nguyên từ 1 đến 200 (nhận được «201»). / The parameter "pageSize" must be a whole number from 1 to 200 (got "201").',
    ]);
    expect(errors({ page: '0', year: '20226' })).toEqual([
      'Tham số «year» phải là số nguyên từ 2000 đến 2100 (nhận được «20226»). / The parameter "year" must be a whole number from 2000 to 2100 (got "20226").',
      'Tham số «page» phải là số nguyên từ 1 đến 1000000 (nhận được «0»). / The parameter "page" must be a whole number from 1 to 1000000 (got "0").',
    ]);
    expect(errors({ phase: 'done' })).toEqual([
      'Giá trị «done» của tham số «phase» không hợp lệ; các giá trị được chấp nhận: needsProposal, agreement, implementation, yearEndReporting, evaluation, closed. / The value "done" of the parameter "phase" is not valid; accepted values: needsProposal, agreement, implementation, yearEndReporting, evaluation, closed.',
    ]);
    expect(errors({ sort: 'name', dir: 'up' })).toEqual([
      'Giá trị «name» của tham số «sort» không hợp lệ; các giá trị được chấp nhận: pair, phase, deadline, escalation, waitingSince, sponsor, recipient. / The value "name" of the parameter "sort" is not valid; accepted values: pair, phase, deadline, escalation, waitingSince, sponsor, recipient.',
      'Giá trị «up» của tham số «dir» không hợp lệ; các giá trị được chấp nhận: asc, desc. / The value "up" of the parameter "dir" is not valid; accepted values: asc, desc.',
    ]);
    expect(errors({ overdue: 'yes' })).toEqual([
      'Tham số «overdue» phải là true hoặc false (nhận được «yes»). / The parameter "overdue" must be true or false (got "yes").',
    ]);
    expect(errors({ sponsor: 'SO A;--' })).toEqual([
      'Tham số «sponsor» phải là một mã (chữ, số, dấu chấm, gạch ngang, gạch dưới; tối đa 64 ký tự), nhận được «SO A;--». / The parameter "sponsor" must be a code (letters, digits, dot, hyphen, underscore; at most 64 characters), got "SO A;--".',
    ]);
    expect(errors({ escalation: '1.5' })).toEqual([
      'Tham số «escalation» phải là số nguyên từ 0 đến 2 (nhận được «1.5»). / The parameter "escalation" must be a whole number from 0 to 2 (got "1.5").',
    ]);
  });

  it('asks for a status with an obligation, and refuses an unknown parameter', () => {
    expect(errors({ obligation: 'O2' })).toEqual([
      'Hãy chọn cả trạng thái của nghĩa vụ O2 (ví dụ obligation=O2&status=missed). / Choose the status of obligation O2 too (for example obligation=O2&status=missed).',
    ]);
    expect(errors({ phse: 'closed' })).toEqual([
      'Tham số «phse» không được chấp nhận. / The parameter "phse" is not accepted.',
    ]);
    expect(parseCycleListQuery({ status: 'missed' })).toMatchObject({
      ok: true,
      query: { status: 'missed' },
    });
  });
});
