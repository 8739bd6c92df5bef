import { CareBowError } from '../errors';

/**
 * 409 `slot_unavailable`: the start cannot be booked; `details.reason` says why (`taken`, `buffer`,
 * `outside_hours`, `past`, `off_grid`, `nonexistent_local_time`, `wrong_offset`, `beyond_horizon`,
 * `crosses_midnight`, `contention`…). A `CareBowError`, so `shared/http/error-response.ts` maps it
 * like every other; kept in the area so that no other route's bundle carries it.
 */
export class SlotUnavailableError extends CareBowError {
  public constructor(reason: string, message = 'That time cannot be booked; pick another slot.') {
    super(409, 'slot_unavailable', message, { reason });
    this.name = 'SlotUnavailableError';
  }
}
