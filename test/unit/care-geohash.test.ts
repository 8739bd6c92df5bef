import { describe, expect, it } from 'vitest';
import { cellsCovering, decode, distanceKm, EARTH_RADIUS_KM, encode, MAX_PRECISION, type Neighbours, neighbours } from '../../shared/care/geohash';

/** A published geohash and the point it was published for. */
const GEOHASH_ORG = { hash: 'u4pruydqqvj', lat: 57.64911, lon: 10.40744 }; // geohash.org and Wikipedia's example

describe('Function: encode', () => {
  it('writes each prefix of the published geohash.org example at precisions 1 to 9', () => {
    // Prepare
    const precisions = Array.from({ length: MAX_PRECISION }, (_, i) => i + 1);
    // Act
    const hashes = precisions.map((p) => encode(GEOHASH_ORG.lat, GEOHASH_ORG.lon, p));
    // Assess
    expect(hashes).toEqual(precisions.map((p) => GEOHASH_ORG.hash.slice(0, p)));
  });

  it.each([
    ['Wikipedia', 42.605, -5.603, 5, 'ezs42'],
    ['meteor-geohash', 45.085937, 7.63275, 6, 'u0j2mx'],
    ['movable-type (Chris Veness)', 52.205, 0.119, 7, 'u120fxw'],
    ['ngeohash', 37.8324, 112.5584, 9, 'ww8p1r4t8'],
  ])('matches the example published by %s', (_source, lat, lon, precision, hash) => {
    // Prepare: the published inputs
    // Act
    const encoded = encode(lat, lon, precision);
    // Assess
    expect(encoded).toBe(hash);
  });

  it('defaults to precision 9', () => {
    // Prepare
    const { lat, lon } = GEOHASH_ORG;
    // Act
    const hash = encode(lat, lon);
    // Assess
    expect(hash).toBe('u4pruydqq');
  });

  it('wraps longitude, so 180 and −180 (and 190 and −170) are one cell', () => {
    // Prepare
    const pairs = [
      [180, -180],
      [190, -170],
      [-540, -180],
    ] as const;
    // Act
    const hashes = pairs.map(([a, b]) => [encode(10, a, 6), encode(10, b, 6)]);
    // Assess
    for (const [a, b] of hashes) expect(a).toBe(b);
  });

  it('clamps latitude to the poles', () => {
    // Prepare
    const north = encode(90, -180);
    const south = encode(-90, -180);
    // Act
    const beyond = [encode(95, -180), encode(-100, -180)];
    // Assess
    expect(beyond).toEqual([north, south]);
    expect(north).toBe('bpbpbpbpb');
    expect(south).toBe('000000000');
  });

  it.each([0, 10, 2.5, Number.NaN])('refuses precision %s', (precision) => {
    // Prepare: a point
    // Act
    const act = () => encode(0, 0, precision);
    // Assess
    expect(act).toThrow(RangeError);
  });

  it('refuses a coordinate that is not a finite number', () => {
    // Prepare: NaN and Infinity
    // Act
    const acts = [() => encode(Number.NaN, 0), () => encode(0, Number.POSITIVE_INFINITY)];
    // Assess
    for (const act of acts) expect(act).toThrow(RangeError);
  });
});

describe('Function: decode', () => {
  it('gives the bounds and centre of the Wikipedia example', () => {
    // Prepare: Wikipedia decodes ezs42 to 42.605, −5.603
    // Act
    const cell = decode('ezs42');
    // Assess
    expect(cell.lat).toBeCloseTo(42.605, 3);
    expect(cell.lon).toBeCloseTo(-5.603, 3);
    expect(cell).toEqual({ minLat: 42.5830078125, maxLat: 42.626953125, minLon: -5.625, maxLon: -5.5810546875, lat: 42.60498046875, lon: -5.60302734375 });
  });

  it('gives the centre meteor-geohash publishes for u0j2mx', () => {
    // Prepare
    const hash = 'u0j2mx';
    // Act
    const { lat, lon } = decode(hash);
    // Assess
    expect([lat, lon]).toEqual([45.08514404296875, 7.6300048828125]);
  });

  it('gives a cell that holds the point it was encoded from', () => {
    // Prepare
    const { lat, lon } = GEOHASH_ORG;
    // Act
    const cell = decode(encode(lat, lon, 9));
    // Assess
    expect(lat).toBeGreaterThanOrEqual(cell.minLat);
    expect(lat).toBeLessThan(cell.maxLat);
    expect(lon).toBeGreaterThanOrEqual(cell.minLon);
    expect(lon).toBeLessThan(cell.maxLon);
  });

  it('reads upper case', () => {
    // Prepare
    const hash = 'EZS42';
    // Act
    const cell = decode(hash);
    // Assess
    expect(cell).toEqual(decode('ezs42'));
  });

  it.each(['', 'ezsa2', 'ezsi2', 'ezsl2', 'ezso2', 'u4pruydqqv'])('refuses "%s"', (hash) => {
    // Prepare: an empty hash, letters outside the alphabet, a hash longer than 9
    // Act
    const act = () => decode(hash);
    // Assess
    expect(act).toThrow(RangeError);
  });
});

describe('Function: neighbours', () => {
  it('matches the neighbours meteor-geohash publishes for dqcw4b', () => {
    // Prepare
    const hash = 'dqcw4b';
    // Act
    const around = neighbours(hash);
    // Assess
    expect(around).toMatchObject({ n: 'dqcw4c', e: 'dqcw50', s: 'dqctfz', w: 'dqcw48' });
  });

  it('gives the cells one cell height and width away, across cell edges', () => {
    // Prepare: dqcw4b's neighbours sit in three different parent cells
    const centre = decode('dqcw4b');
    const height = centre.maxLat - centre.minLat;
    const width = centre.maxLon - centre.minLon;
    const steps: Record<keyof Neighbours, [number, number]> = {
      n: [1, 0],
      ne: [1, 1],
      e: [0, 1],
      se: [-1, 1],
      s: [-1, 0],
      sw: [-1, -1],
      w: [0, -1],
      nw: [1, -1],
    };
    // Act
    const around = neighbours('dqcw4b');
    // Assess
    for (const [direction, [dLat, dLon]] of Object.entries(steps)) {
      expect(around[direction as keyof Neighbours], direction).toBe(encode(centre.lat + dLat * height, centre.lon + dLon * width, 6));
    }
  });

  it('wraps east and west across the antimeridian', () => {
    // Prepare: the cell on the equator that touches 180°
    const east = encode(0, 179.99, 3);
    const west = encode(0, -179.99, 3);
    // Act
    const [fromEast, fromWest] = [neighbours(east), neighbours(west)];
    // Assess
    expect(decode(east).maxLon).toBe(180);
    expect(decode(west).minLon).toBe(-180);
    expect(fromEast.e).toBe(west);
    expect(fromWest.w).toBe(east);
    expect(fromEast.ne).toBe(encode(2, -179.99, 3));
  });

  it('has no neighbours beyond the poles, but still wraps along the top row', () => {
    // Prepare
    const top = encode(89.99, 179.99, 3);
    const bottom = encode(-89.99, 0, 3);
    // Act
    const [north, south] = [neighbours(top), neighbours(bottom)];
    // Assess
    expect([north.n, north.ne, north.nw]).toEqual([null, null, null]);
    expect(north.e).toBe(encode(89.99, -179.99, 3));
    expect(north.s).toBe(encode(88, 179.99, 3));
    expect([south.s, south.se, south.sw]).toEqual([null, null, null]);
  });
});

describe('Function: distanceKm', () => {
  it("measures Land's End to John o' Groats as published (968.9 km)", () => {
    // Prepare: movable-type.co.uk's worked example, 50°03′59″N 5°42′53″W to 58°38′38″N 3°04′12″W
    const landsEnd = { lat: 50 + 3 / 60 + 59 / 3600, lon: -(5 + 42 / 60 + 53 / 3600) };
    const johnOGroats = { lat: 58 + 38 / 60 + 38 / 3600, lon: -(3 + 4 / 60 + 12 / 3600) };
    // Act
    const km = distanceKm(landsEnd, johnOGroats);
    // Assess
    expect(km).toBeCloseTo(968.9, 1);
  });

  it('is a quarter of the circumference from the equator to a pole, and half to the antipode', () => {
    // Prepare
    const origin = { lat: 0, lon: 0 };
    // Act
    const [quarter, half] = [distanceKm(origin, { lat: 90, lon: 0 }), distanceKm(origin, { lat: 0, lon: 180 })];
    // Assess
    expect(quarter).toBeCloseTo((Math.PI / 2) * EARTH_RADIUS_KM, 6);
    expect(half).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });

  it('takes the short way across the antimeridian', () => {
    // Prepare: one degree apart on the equator, either side of 180°
    // Act
    const km = distanceKm({ lat: 0, lon: 179.5 }, { lat: 0, lon: -179.5 });
    // Assess
    expect(km).toBeCloseTo((Math.PI / 180) * EARTH_RADIUS_KM, 6);
  });
});

describe('Function: cellsCovering', () => {
  const delhi = { lat: 28.6139, lon: 77.209 };

  it('covers a city radius with a few cells of one precision, the centre cell among them', () => {
    // Prepare
    const radiusKm = 10;
    // Act
    const { precision, cells } = cellsCovering(delhi.lat, delhi.lon, radiusKm);
    // Assess
    expect(precision).toBe(4);
    expect(cells.length).toBeGreaterThanOrEqual(1);
    expect(cells.length).toBeLessThanOrEqual(9);
    expect(cells.every((cell) => cell.length === precision)).toBe(true);
    expect(cells).toContain(encode(delhi.lat, delhi.lon, precision));
  });

  it('chooses a coarser precision as the radius grows', () => {
    // Prepare
    const radii = [0, 0.01, 0.5, 1, 5, 10, 25, 50, 100, 200, 500, 1000];
    // Act
    const precisions = radii.map((r) => cellsCovering(delhi.lat, delhi.lon, r).precision);
    // Assess
    expect(precisions).toEqual([...precisions].sort((a, b) => b - a));
    expect(precisions[0]).toBe(9);
    expect(precisions.at(-1)).toBe(1);
  });

  it('gives the one cell that holds the point for a radius of 0', () => {
    // Prepare
    const { lat, lon } = GEOHASH_ORG;
    // Act
    const covering = cellsCovering(lat, lon, 0);
    // Assess
    expect(covering).toEqual({ precision: 9, cells: ['u4pruydqq'] });
  });

  it('leaves out the corner cells the circle does not reach', () => {
    // Prepare: the centre of a ~4.9 km cell on the equator; 3 km reaches its four sides' neighbours (2.4 km away) but not its corners (3.5 km)
    const centre = decode(encode(0.02, 10.02, 5));
    // Act
    const covering = cellsCovering(centre.lat, centre.lon, 3);
    // Assess
    const around = neighbours(encode(centre.lat, centre.lon, 5));
    expect(covering.precision).toBe(5);
    expect(covering.cells).toEqual([encode(centre.lat, centre.lon, 5), around.n, around.e, around.s, around.w].sort());
  });

  it('takes cells on both sides of the antimeridian', () => {
    // Prepare
    const onTheLine = { lat: 0, lon: 180 };
    // Act
    const { cells } = cellsCovering(onTheLine.lat, onTheLine.lon, 10);
    // Assess
    expect(cells).toEqual(['2pbp', '8000', 'rzzz', 'xbpb']);
    expect(cells.some((cell) => decode(cell).minLon === -180)).toBe(true);
    expect(cells.some((cell) => decode(cell).maxLon === 180)).toBe(true);
  });

  it('covers every longitude around a pole, with the coarsest cells', () => {
    // Prepare: 5 km from the North Pole, and on the South Pole itself
    // Act
    const [north, south] = [cellsCovering(89.96, 10, 5), cellsCovering(-90, 0, 1)];
    // Assess
    expect(north).toEqual({ precision: 1, cells: ['b', 'c', 'f', 'g', 'u', 'v', 'y', 'z'] });
    expect(south).toEqual({ precision: 1, cells: ['0', '1', '4', '5', 'h', 'j', 'n', 'p'] });
  });

  it('gives the whole globe (32 cells) for a radius of half the circumference', () => {
    // Prepare
    const radiusKm = Math.PI * EARTH_RADIUS_KM;
    // Act
    const { precision, cells } = cellsCovering(delhi.lat, delhi.lon, radiusKm);
    // Assess
    expect(precision).toBe(1);
    expect(cells).toHaveLength(32);
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses a radius of %s', (radiusKm) => {
    // Prepare: a point
    // Act
    const act = () => cellsCovering(delhi.lat, delhi.lon, radiusKm);
    // Assess
    expect(act).toThrow(RangeError);
  });
});
