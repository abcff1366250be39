import { api } from '@treem/shared';
import { describe, expect, test } from 'vitest';
import {
  hasCaseFilters,
  pagingSearch,
  parseCasesSearch,
  parsePagingSearch,
  parseReportSearch,
  toCaseListQuery,
} from './caseSearch.ts';

describe('the case lists’ URL', () => {
  test('keeps only filters the server accepts', () => {
    expect(
      parseCasesSearch({
        step: 'planning',
        risk: 'extreme',
        due: 'overdue',
        status: 'open',
        q: '  BV-2026 ',
        page: '3',
        size: '13',
      }),
    ).toEqual({
      step: 'planning',
      risk: undefined,
      due: 'overdue',
      status: undefined,
      q: 'BV-2026',
      page: 3,
      size: undefined,
    });
  });

  test('asks for open cases, first page, by default, in a query the contract accepts', () => {
    const query = toCaseListQuery(parseCasesSearch({}));
    expect(query).toMatchObject({ status: 'open', page: 1, pageSize: 20 });
    expect(api.cases.list.query.safeParse(query).success).toBe(true);
    const filtered = toCaseListQuery(
      parseCasesSearch({ risk: 'high', due: 'due_soon', status: 'all', q: 'Hoa' }),
    );
    expect(api.cases.list.query.parse(filtered)).toMatchObject({
      riskLevel: 'high',
      due: 'due_soon',
      status: 'all',
      q: 'Hoa',
    });
  });

  test('leaves defaults out of the URL and knows when a filter is set', () => {
    expect(pagingSearch(1, 20)).toEqual({ page: undefined, size: undefined });
    expect(pagingSearch(2, 50)).toEqual({ page: 2, size: 50 });
    expect(parsePagingSearch({ page: '1', size: '20' })).toEqual({ page: undefined, size: undefined });
    expect(hasCaseFilters(parseCasesSearch({ page: '2' }))).toBe(false);
    expect(hasCaseFilters(parseCasesSearch({ status: 'closed' }))).toBe(true);
  });

  test('opens the report form for a child only by a well-formed record id', () => {
    expect(parseReportSearch({ person: '0190A8F2-7C1E-7D3A-9B2C-1234567890AB' })).toEqual({
      person: '0190a8f2-7c1e-7d3a-9b2c-1234567890ab',
    });
    expect(parseReportSearch({ person: 'x' })).toEqual({ person: undefined });
  });
});
