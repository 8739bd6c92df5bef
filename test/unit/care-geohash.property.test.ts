import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsCovering, decode, distanceKm, EARTH_RADIUS_KM, encode, type LatLon, MAX_PRECISION, neighbours } from '../../shared/care/geohash';

/**
 * A covering must never lose a point: for a random centre (anywhere, with extra weight on the
 * poles and the antimeridian), a random radius (metres to half the globe) and a random point
 * within it, the point's cell is one of the covering's. Fixed seed in `npm test`; `FUZZ_RUNS` for
 * a longer run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = 20261127;

const RAD = Math.PI / 180;

/** The point `km` from `from` on the initial bearing `bearing` degrees (the spherical destination formula). */
const destination = (from: LatLon, bearing: number, km: number): LatLon => {
  const d = km / EARTH_RADIUS_KM;
  const φ1 = from.lat * RAD;
  const θ = bearing * RAD;
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(d) + Math.cos(φ1) * Math.sin(d) * Math.cos(θ));
  const λ2 = from.lon * RAD + Math.atan2(Math.sin(θ) * Math.sin(d) * Math.cos(φ1), Math.cos(d) - Math.sin(φ1) * Math.sin(φ2));
  return { lat: φ2 / RAD, lon: ((((λ2 / RAD + 180) % 360) + 360) % 360) - 180 };
};

const degrees = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const centre = fc.record({
  lat: fc.oneof(degrees(-90, 90), degrees(85, 90), degrees(-90, -85), fc.constantFrom(-90, 0, 90)),
  lon: fc.oneof(degrees(-180, 180), degrees(179, 180), degrees(-180, -179), fc.constantFrom(-180, 0, 180)),
});
/** Mostly the radii a care directory asks for, sometimes continental or global ones. */
const radiusKm = fc.oneof({ weight: 3, arbitrary: degrees(0, 5) }, { weight: 5, arbitrary: degrees(0, 250) }, { weight: 1, arbitrary: degrees(0, 20_000) });
/** Where within the circle: anywhere, or exactly on its edge. */
const reach = fc.oneof(degrees(0, 1), fc.constant(1));

describe('Property: cellsCovering loses no point of the circle', () => {
  it('puts every point within radiusKm of the centre in one of the cells', () => {
    fc.assert(
      fc.property(centre, radiusKm, degrees(0, 360), reach, (c, r, bearing, fraction) => {
        // Prepare: a point within the circle, by construction and by measure
        const point = destination(c, bearing, r * fraction);
        fc.pre(distanceKm(c, point) <= r);
        // Act
        const { precision, cells } = cellsCovering(c.lat, c.lon, r);
        // Assess
        const cell = encode(point.lat, point.lon, precision);
        return (
          cells.includes(cell) ||
          (expect.fail(`${JSON.stringify(point)} (cell ${cell}) is ${distanceKm(c, point)} km from ${JSON.stringify(c)}, outside ${cells}`) as never)
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('keeps to at most 9 distinct cells of one precision for a circle of up to 1,000 km that holds no pole', () => {
    fc.assert(
      fc.property(centre, degrees(0, 1000), (c, r) => {
        // Prepare: circles that hold a pole are the documented exception
        fc.pre(distanceKm(c, { lat: 90, lon: 0 }) > r && distanceKm(c, { lat: -90, lon: 0 }) > r);
        // Act
        const { precision, cells } = cellsCovering(c.lat, c.lon, r);
        // Assess
        expect(cells.length).toBeGreaterThanOrEqual(1);
        expect(cells.length).toBeLessThanOrEqual(9);
        expect(new Set(cells).size).toBe(cells.length);
        expect(cells.every((cell) => cell.length === precision)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe('Property: encode, decode and neighbours agree', () => {
  const precision = fc.integer({ min: 1, max: MAX_PRECISION });

  it('decodes a geohash to a cell that holds the point', () => {
    fc.assert(
      fc.property(degrees(-90, 90), degrees(-180, 180), precision, (lat, lon, p) => {
        // Prepare: 180° is the same meridian as −180°, which is where the cell says it is
        const wrapped = lon === 180 ? -180 : lon;
        // Act
        const cell = decode(encode(lat, lon, p));
        // Assess
        expect(lat).toBeGreaterThanOrEqual(cell.minLat);
        expect(lat).toBeLessThanOrEqual(cell.maxLat);
        expect(wrapped).toBeGreaterThanOrEqual(cell.minLon);
        expect(wrapped).toBeLessThanOrEqual(cell.maxLon);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('finds the way back from each neighbour', () => {
    fc.assert(
      fc.property(degrees(-90, 90), degrees(-180, 180), precision, (lat, lon, p) => {
        // Prepare
        const hash = encode(lat, lon, p);
        // Act
        const around = neighbours(hash);
        // Assess: every neighbour that exists has this cell as its opposite neighbour
        const back = { n: 's', ne: 'sw', e: 'w', se: 'nw', s: 'n', sw: 'ne', w: 'e', nw: 'se' } as const;
        for (const [direction, opposite] of Object.entries(back)) {
          const next = around[direction as keyof typeof back];
          if (next !== null) expect(neighbours(next)[opposite], `${hash} → ${direction} → ${opposite}`).toBe(hash);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
