import { describe, expect, it } from 'vitest';
import { abuseCost, abuseRows, abuseTotals } from '../../bench/abuse';

describe('Function: abuseRows (what one account can cause, from the limits)', () => {
  it('counts each budget’s first hour and first day, the AI quota’s bucket, two messages per appointment change, and the data exports', () => {
    // Act
    const rows = abuseRows({ burst: 20, perHour: 60 });

    // Assess
    expect(rows.map((row) => [row.firstHour, row.firstDay, row.modelCalls.most, row.messages])).toEqual([
      [10, 30, 3, 0],
      [20, 60, 3, 0],
      [80, 1460, 1, 0],
      [30, 100, 0, 2],
      [5, 20, 0, 0],
    ]);
  });
});

describe('Function: abuseTotals', () => {
  it('prices the typical hour at one call per request and the worst at every retry of the longest request', () => {
    // Prepare
    const rows = abuseRows({ burst: 20, perHour: 60 });

    // Act
    const totals = abuseTotals(rows, { typical: 1, longest: 10 });

    // Assess
    expect(totals).toEqual({
      modelCallsTypical: 110,
      modelCallsMost: 170,
      usdTypical: 110,
      usdMost: 1700,
      messagesFirstHour: 60,
      messagesFirstDay: 200,
    });
  });

  it('writes the totals into the bench section', () => {
    // Act
    const { lines, failures } = abuseCost({ typical: 0.001, longest: 0.002 }, { burst: 20, perHour: 60 });

    // Assess
    expect(failures).toEqual([]);
    expect(lines.join('\n')).toContain('first hour: 110 model calls, $0.110 typical; at most 170 calls, $0.340');
    expect(lines.join('\n')).toContain('60 in the first hour, 200 in a day');
  });
});
