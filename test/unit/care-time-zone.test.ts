import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOfWall,
  formatInZone,
  formatWithOffset,
  instantsAt,
  localDay,
  minutesOf,
  offsetMinutesAt,
  parseDateTime,
  wallMs,
  zoneTimeline,
} from '../../shared/care/time-zone';

const HOUR = 3_600_000;
const iso = (instant: number): string => new Date(instant).toISOString();
const at = (text: string): number => Date.parse(text);
/** Every instant of a wall time, as UTC text, so a failure reads as times. */
const instants = (timeZone: string, date: string, time: string): string[] => instantsAt(timeZone, date, time).map(iso);

const oracles = new Map<string, Intl.DateTimeFormat>();
/** An oracle that shares no code with the module: Intl's own offset name ("GMT-04:00", "GMT"). */
const oracleOffsetMinutes = (timeZone: string, instant: number): number => {
  if (!oracles.has(timeZone)) oracles.set(timeZone, new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }));
  const name = oracles
    .get(timeZone)!
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')!.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match === null ? 0 : (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
};

describe('Node ICU', () => {
  it('knows every zone the scheduling tests rely on', () => {
    // Prepare
    const zones = new Set(Intl.supportedValuesOf('timeZone'));
    // Act
    const missing = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana'].filter((zone) => !zones.has(zone));
    // Assess
    expect(missing).toEqual([]);
  });

  it('accepts current IANA names that its zone list spells the old way, so a zone is checked by Intl.DateTimeFormat, not by that list', () => {
    // Act
    const offsets = ['Asia/Kathmandu', 'Asia/Kolkata', 'Europe/Kyiv'].map((timeZone) => offsetMinutesAt(timeZone, at('2027-01-15T12:00:00Z')));
    // Assess
    expect(offsets).toEqual([345, 330, 120]);
  });
});

describe('Function: offsetMinutesAt', () => {
  it.each([
    ['America/New_York', '2027-07-01T12:00:00Z', -240],
    ['America/New_York', '2027-01-15T12:00:00Z', -300],
    ['Europe/London', '2027-01-15T12:00:00Z', 0],
    ['Europe/London', '2027-07-01T12:00:00Z', 60],
    ['Australia/Lord_Howe', '2027-07-01T12:00:00Z', 630],
    ['Australia/Lord_Howe', '2027-01-15T12:00:00Z', 660],
    ['Asia/Kathmandu', '2027-01-15T12:00:00Z', 345],
    ['UTC', '2027-01-15T12:00:00Z', 0],
  ])('reads %s at %s as %i minutes', (timeZone, instant, minutes) => {
    // Act
    const offset = offsetMinutesAt(timeZone, at(instant));
    // Assess
    expect(offset).toBe(minutes);
    expect(offset).toBe(oracleOffsetMinutes(timeZone, at(instant)));
  });

  it('refuses a zone Intl does not know', () => {
    // Act, Assess
    expect(() => offsetMinutesAt('Mars/Olympus_Mons', 0)).toThrow(RangeError);
  });
});

describe('Function: instantsAt', () => {
  it('finds one instant for an ordinary wall time', () => {
    // Act, Assess
    expect(instants('America/New_York', '2027-11-07', '09:00')).toEqual(['2027-11-07T14:00:00.000Z']);
    expect(instants('Asia/Kathmandu', '2027-03-14', '09:00')).toEqual(['2027-03-14T03:15:00.000Z']);
  });

  it('finds none for a wall time skipped by a spring-forward gap, and one on each side of it', () => {
    // Act, Assess: New York, 2027-03-14, 02:00 EST becomes 03:00 EDT
    expect(instants('America/New_York', '2027-03-14', '01:59')).toEqual(['2027-03-14T06:59:00.000Z']);
    expect(instants('America/New_York', '2027-03-14', '02:00')).toEqual([]);
    expect(instants('America/New_York', '2027-03-14', '02:30')).toEqual([]);
    expect(instants('America/New_York', '2027-03-14', '02:59')).toEqual([]);
    expect(instants('America/New_York', '2027-03-14', '03:00')).toEqual(['2027-03-14T07:00:00.000Z']);
    // London, 2027-03-28, 01:00 GMT becomes 02:00 BST
    expect(instants('Europe/London', '2027-03-28', '00:59')).toEqual(['2027-03-28T00:59:00.000Z']);
    expect(instants('Europe/London', '2027-03-28', '01:00')).toEqual([]);
    expect(instants('Europe/London', '2027-03-28', '01:30')).toEqual([]);
    expect(instants('Europe/London', '2027-03-28', '02:00')).toEqual(['2027-03-28T01:00:00.000Z']);
  });

  it('finds two instants, an hour apart, for a wall time repeated by a fall-back fold', () => {
    // Act, Assess: New York, 2027-11-07, 02:00 EDT becomes 01:00 EST
    expect(instants('America/New_York', '2027-11-07', '00:59')).toEqual(['2027-11-07T04:59:00.000Z']);
    expect(instants('America/New_York', '2027-11-07', '01:00')).toEqual(['2027-11-07T05:00:00.000Z', '2027-11-07T06:00:00.000Z']);
    expect(instants('America/New_York', '2027-11-07', '01:30')).toEqual(['2027-11-07T05:30:00.000Z', '2027-11-07T06:30:00.000Z']);
    expect(instants('America/New_York', '2027-11-07', '01:59')).toEqual(['2027-11-07T05:59:00.000Z', '2027-11-07T06:59:00.000Z']);
    expect(instants('America/New_York', '2027-11-07', '02:00')).toEqual(['2027-11-07T07:00:00.000Z']);
    // London, 2027-10-31, 02:00 BST becomes 01:00 GMT
    expect(instants('Europe/London', '2027-10-31', '01:30')).toEqual(['2027-10-31T00:30:00.000Z', '2027-10-31T01:30:00.000Z']);
    expect(instants('Europe/London', '2027-10-31', '02:00')).toEqual(['2027-10-31T02:00:00.000Z']);
  });

  it('handles Lord Howe’s 30-minute shifts', () => {
    // Act, Assess: 2027-10-03, 02:00 (+10:30) becomes 02:30 (+11:00)
    expect(instants('Australia/Lord_Howe', '2027-10-03', '01:59')).toEqual(['2027-10-02T15:29:00.000Z']);
    expect(instants('Australia/Lord_Howe', '2027-10-03', '02:00')).toEqual([]);
    expect(instants('Australia/Lord_Howe', '2027-10-03', '02:29')).toEqual([]);
    expect(instants('Australia/Lord_Howe', '2027-10-03', '02:30')).toEqual(['2027-10-02T15:30:00.000Z']);
    // 2027-04-04, 02:00 (+11:00) becomes 01:30 (+10:30): 01:30–01:59 happen twice, 30 minutes apart
    expect(instants('Australia/Lord_Howe', '2027-04-04', '01:29')).toEqual(['2027-04-03T14:29:00.000Z']);
    expect(instants('Australia/Lord_Howe', '2027-04-04', '01:45')).toEqual(['2027-04-03T14:45:00.000Z', '2027-04-03T15:15:00.000Z']);
    expect(instants('Australia/Lord_Howe', '2027-04-04', '02:00')).toEqual(['2027-04-03T15:30:00.000Z']);
  });

  it('finds no midnight on a day whose clocks skip it (Santiago starts 2027-09-05 at 01:00)', () => {
    // Act, Assess
    expect(instants('America/Santiago', '2027-09-05', '00:00')).toEqual([]);
    expect(instants('America/Santiago', '2027-09-05', '01:00')).toEqual(['2027-09-05T04:00:00.000Z']);
  });
});

describe('Function: zoneTimeline', () => {
  it('finds each offset change to the second', () => {
    // Prepare
    const zone = zoneTimeline('America/New_York', at('2027-03-01T00:00:00Z'), at('2027-12-01T00:00:00Z'));
    // Act, Assess
    expect(zone.offsetAt(at('2027-03-14T06:59:59Z'))).toBe(-5 * HOUR);
    expect(zone.offsetAt(at('2027-03-14T07:00:00Z'))).toBe(-4 * HOUR);
    expect(zone.offsetAt(at('2027-11-07T05:59:59Z'))).toBe(-4 * HOUR);
    expect(zone.offsetAt(at('2027-11-07T06:00:00Z'))).toBe(-5 * HOUR);
  });

  it.each(['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana', 'Asia/Kathmandu', 'Pacific/Chatham'])(
    'agrees with Intl at every hour and half hour of 2027 in %s',
    (timeZone) => {
      // Prepare
      const from = at('2027-01-01T00:00:00Z');
      const zone = zoneTimeline(timeZone, from, at('2028-01-01T00:00:00Z'));
      const wrong: string[] = [];
      // Act
      for (let instant = from; instant < at('2028-01-01T00:00:00Z'); instant += HOUR / 2) {
        if (zone.offsetAt(instant) / 60_000 !== oracleOffsetMinutes(timeZone, instant)) wrong.push(iso(instant));
      }
      // Assess
      expect(wrong).toEqual([]);
    },
  );

  it('still answers outside the span it learnt', () => {
    // Prepare
    const zone = zoneTimeline('America/New_York', at('2027-01-01T00:00:00Z'), at('2027-01-10T00:00:00Z'));
    // Act, Assess
    expect(zone.offsetAt(at('2027-07-01T00:00:00Z'))).toBe(-4 * HOUR);
    expect(zone.instantsOf(Date.UTC(2027, 10, 7, 1, 30)).map(iso)).toEqual(['2027-11-07T05:30:00.000Z', '2027-11-07T06:30:00.000Z']);
    expect(zone.dateAt(at('2027-07-01T03:00:00Z'))).toBe('2027-06-30');
  });

  it('gives the instants of a wall range as spans: one across a gap, two across a fold', () => {
    // Prepare
    const zone = zoneTimeline('America/New_York', at('2027-03-01T00:00:00Z'), at('2027-12-01T00:00:00Z'));
    // Act
    const spring = zone.spansOf(Date.UTC(2027, 2, 14, 0), Date.UTC(2027, 2, 14, 5));
    const fall = zone.spansOf(Date.UTC(2027, 10, 7, 0), Date.UTC(2027, 10, 7, 1, 30));
    // Assess: 00:00–05:00 lasts four hours in March; 00:00–01:30 in November is 00:00–01:30 EDT, then 01:00–01:30 EST
    expect(spring.map((s) => [iso(s.start), iso(s.end)])).toEqual([['2027-03-14T05:00:00.000Z', '2027-03-14T09:00:00.000Z']]);
    expect(fall.map((s) => [iso(s.start), iso(s.end)])).toEqual([
      ['2027-11-07T04:00:00.000Z', '2027-11-07T05:30:00.000Z'],
      ['2027-11-07T06:00:00.000Z', '2027-11-07T06:30:00.000Z'],
    ]);
  });

  it('refuses a span that is reversed, invalid or longer than 400 days', () => {
    // Act, Assess
    expect(() => zoneTimeline('UTC', at('2027-02-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => zoneTimeline('UTC', Number.NaN, at('2027-01-01T00:00:00Z'))).toThrow(RangeError);
    expect(() => zoneTimeline('UTC', at('2027-01-01T00:00:00Z'), at('2028-02-06T00:00:00Z'))).toThrow(RangeError);
  });

  it('starts a gap-skipped wall time at the end of the gap', () => {
    // Prepare
    const zone = zoneTimeline('America/New_York', at('2027-03-01T00:00:00Z'), at('2027-04-01T00:00:00Z'));
    // Act, Assess
    expect(iso(zone.firstInstantFrom(Date.UTC(2027, 2, 14, 2, 30)))).toBe('2027-03-14T07:00:00.000Z');
    expect(iso(zone.firstInstantFrom(Date.UTC(2027, 2, 14, 1, 30)))).toBe('2027-03-14T06:30:00.000Z');
  });
});

describe('Function: localDay', () => {
  it.each([
    ['America/New_York', '2027-03-14', '2027-03-14T05:00:00.000Z', 23],
    ['America/New_York', '2027-11-07', '2027-11-07T04:00:00.000Z', 25],
    ['America/New_York', '2027-11-08', '2027-11-08T05:00:00.000Z', 24],
    ['Europe/London', '2027-03-28', '2027-03-28T00:00:00.000Z', 23],
    ['Europe/London', '2027-10-31', '2027-10-30T23:00:00.000Z', 25],
    ['Australia/Lord_Howe', '2027-10-03', '2027-10-02T13:30:00.000Z', 23.5],
    ['Australia/Lord_Howe', '2027-04-04', '2027-04-03T13:00:00.000Z', 24.5],
    // Clocks skip 00:00–00:59: the day starts at 01:00
    ['America/Santiago', '2027-09-05', '2027-09-05T04:00:00.000Z', 23],
    // Clocks fall back from 01:00 to 00:00: the day starts at the first 00:00
    ['America/Havana', '2027-11-07', '2027-11-07T04:00:00.000Z', 25],
  ])('bounds %s %s from %s, %d hours long', (timeZone, date, start, hours) => {
    // Act
    const day = localDay(timeZone, date);
    // Assess
    expect(iso(day.start)).toBe(start);
    expect((day.end - day.start) / HOUR).toBe(hours);
  });
});

describe('Function: formatWithOffset', () => {
  it('writes the wall time and the offset', () => {
    // Act, Assess
    expect(formatWithOffset(at('2027-03-14T13:00:00Z'), -4 * HOUR)).toBe('2027-03-14T09:00:00-04:00');
    expect(formatWithOffset(at('2027-01-15T09:00:00Z'), 0)).toBe('2027-01-15T09:00:00+00:00');
    expect(formatWithOffset(at('2027-01-15T03:15:00Z'), 5.75 * HOUR)).toBe('2027-01-15T09:00:00+05:45');
    expect(formatWithOffset(at('2027-10-02T15:30:00Z'), 11 * HOUR)).toBe('2027-10-03T02:30:00+11:00');
  });

  it('writes the right date when consecutive calls change day (its date cache)', () => {
    // Act
    const texts = [at('2027-12-31T23:59:59Z'), at('2028-01-01T00:00:00Z'), at('2027-12-31T23:00:00Z')].map((t) => formatWithOffset(t, 0));
    // Assess
    expect(texts).toEqual(['2027-12-31T23:59:59+00:00', '2028-01-01T00:00:00+00:00', '2027-12-31T23:00:00+00:00']);
  });

  it('round-trips through parseDateTime to the same instant', () => {
    // Prepare
    const instant = at('2027-11-07T06:30:00Z');
    // Act
    const text = formatInZone('America/New_York', instant);
    // Assess
    expect(text).toBe('2027-11-07T01:30:00-05:00');
    expect(parseDateTime(text)?.instant).toBe(instant);
  });
});

describe('Function: parseDateTime', () => {
  it('reads the instant, the wall time and the offset', () => {
    // Act
    const parsed = parseDateTime('2027-11-07T01:30:00-05:00');
    // Assess
    expect(parsed).toEqual({ instant: at('2027-11-07T06:30:00Z'), wall: Date.UTC(2027, 10, 7, 1, 30), offset: -5 * HOUR });
  });

  it('reads Z, fractions, and times without seconds', () => {
    // Act, Assess
    expect(parseDateTime('2027-11-07T06:30:00.250Z')?.instant).toBe(at('2027-11-07T06:30:00.250Z'));
    expect(parseDateTime('2027-11-07T01:30+05:45')?.instant).toBe(at('2027-11-06T19:45:00Z'));
  });

  it.each([
    '2027-02-30T09:00:00-05:00',
    '2027-13-01T09:00:00Z',
    '2027-03-14T24:00:00Z',
    '2027-03-14T09:00:00',
    '2027-03-14T09:00:00+25:00',
    '2027-03-14 09:00Z',
    '',
  ])('refuses %j', (text) => {
    // Act, Assess
    expect(parseDateTime(text)).toBeUndefined();
  });
});

describe('Function: addDays', () => {
  it('crosses months, leap days and years', () => {
    // Act, Assess
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
    expect(addDays('2027-03-14', 180)).toBe('2027-09-10');
  });

  it('agrees with wallMs, dateOfWall and minutesOf', () => {
    // Act, Assess
    expect(dateOfWall(wallMs('2027-03-14', minutesOf('23:59')))).toBe('2027-03-14');
    expect(dateOfWall(wallMs('2027-03-14', minutesOf('24:00')))).toBe('2027-03-15');
    expect(minutesOf('09:30')).toBe(570);
  });
});
