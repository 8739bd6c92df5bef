import { describe, expect, it } from 'vitest';
import { quietHoursAt } from '../../shared/notifications/quiet-hours';

const at = (iso: string) => Date.parse(iso);

describe('Function: quietHoursAt', () => {
  it('is quiet inside a same-day window and ends at its end', () => {
    // Prepare
    const quiet = { start: '13:00', end: '15:00', timeZone: 'Asia/Kolkata' };

    // Act
    const inside = quietHoursAt(quiet, at('2027-01-10T08:00:00Z')); // 13:30 IST
    const before = quietHoursAt(quiet, at('2027-01-10T07:29:00Z')); // 12:59 IST
    const atEnd = quietHoursAt(quiet, at('2027-01-10T09:30:00Z')); // 15:00 IST

    // Assess
    expect(inside).toEqual({ quiet: true, endsAt: at('2027-01-10T09:30:00Z') });
    expect(before).toEqual({ quiet: false });
    expect(atEnd).toEqual({ quiet: false });
  });

  it('crosses midnight: quiet in the evening until the next morning, and in the small hours until that morning', () => {
    // Prepare
    const quiet = { start: '21:00', end: '08:00', timeZone: 'Europe/London' };

    // Act
    const evening = quietHoursAt(quiet, at('2027-01-10T22:30:00Z'));
    const night = quietHoursAt(quiet, at('2027-01-11T03:00:00Z'));
    const noon = quietHoursAt(quiet, at('2027-01-11T12:00:00Z'));

    // Assess
    expect(evening).toEqual({ quiet: true, endsAt: at('2027-01-11T08:00:00Z') });
    expect(night).toEqual({ quiet: true, endsAt: at('2027-01-11T08:00:00Z') });
    expect(noon).toEqual({ quiet: false });
  });

  it('ends at 08:00 local across a spring-forward night: one hour sooner in UTC', () => {
    // Prepare: London's clocks go from 01:00 GMT to 02:00 BST on 2027-03-28.
    const quiet = { start: '22:00', end: '08:00', timeZone: 'Europe/London' };

    // Act
    const state = quietHoursAt(quiet, at('2027-03-27T23:00:00Z'));

    // Assess: 08:00 BST is 07:00Z, seven hours later, not eight.
    expect(state).toEqual({ quiet: true, endsAt: at('2027-03-28T07:00:00Z') });
  });

  it('ends at 08:00 local across a fall-back night: one hour later in UTC', () => {
    // Prepare: New York's clocks go from 02:00 EDT back to 01:00 EST on 2027-11-07.
    const quiet = { start: '22:00', end: '08:00', timeZone: 'America/New_York' };

    // Act
    const state = quietHoursAt(quiet, at('2027-11-07T03:00:00Z')); // 23:00 EDT on the 6th

    // Assess: 08:00 EST is 13:00Z.
    expect(state).toEqual({ quiet: true, endsAt: at('2027-11-07T13:00:00Z') });
  });

  it('ends at the end of the gap when its end time does not exist that night', () => {
    // Prepare: 02:30 does not exist in New York on 2027-03-14 (02:00 EST → 03:00 EDT).
    const quiet = { start: '23:00', end: '02:30', timeZone: 'America/New_York' };

    // Act
    const state = quietHoursAt(quiet, at('2027-03-14T06:30:00Z')); // 01:30 EST

    // Assess: quiet until the clocks jump, 03:00 EDT (07:00Z).
    expect(state).toEqual({ quiet: true, endsAt: at('2027-03-14T07:00:00Z') });
  });

  it('ends at the next 01:30 on a fall-back night when the end time occurs twice', () => {
    // Prepare: 01:30 occurs at 05:30Z (EDT) and 06:30Z (EST) on 2027-11-07.
    const quiet = { start: '23:00', end: '01:30', timeZone: 'America/New_York' };

    // Act
    const first = quietHoursAt(quiet, at('2027-11-07T05:00:00Z')); // 01:00 EDT
    const second = quietHoursAt(quiet, at('2027-11-07T06:10:00Z')); // 01:10 EST, the repeated hour

    // Assess
    expect(first).toEqual({ quiet: true, endsAt: at('2027-11-07T05:30:00Z') });
    expect(second).toEqual({ quiet: true, endsAt: at('2027-11-07T06:30:00Z') });
  });
});
