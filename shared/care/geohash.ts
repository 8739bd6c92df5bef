/**
 * Geohashes, so a directory can answer "near LAT,LON within R km" with a few key-condition queries
 * (`begins_with(cell)`) instead of a scan. Pure arithmetic on numbers: no SDK, no storage.
 *
 * A geohash of `p` characters names one cell of a grid: `5p` bits, longitude and latitude bits
 * interleaved (longitude first), written in the geohash base32 alphabet. So a cell is a pair of
 * integer indices, a row (latitude) and a column (longitude); neighbours and coverings are
 * computed on those indices, which makes the antimeridian a wrap of the column index and the poles
 * the first and last row.
 *
 * A directory stores each entry's geohash at {@link MAX_PRECISION}, so a covering cell of any
 * precision is a prefix of the geohashes of the entries inside it.
 */

/** Mean Earth radius (IUGG), the radius of the sphere every distance here is measured on. */
export const EARTH_RADIUS_KM = 6371.0088;

/** The longest geohash this module writes: 9 characters is a cell of about 4.8 m × 4.8 m, finer than any address. */
export const MAX_PRECISION = 9;

/** A point in degrees: latitude −90..90, longitude −180..180. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** A cell's bounds in degrees (south, north, west, east edges), and its centre. */
export interface GeohashCell {
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLon: number;
  readonly maxLon: number;
  /** The centre of the cell. */
  readonly lat: number;
  readonly lon: number;
}

/** The eight cells around one; `null` beyond a pole, where the grid has no further row. */
export interface Neighbours {
  readonly n: string | null;
  readonly ne: string | null;
  readonly e: string;
  readonly se: string | null;
  readonly s: string | null;
  readonly sw: string | null;
  readonly w: string;
  readonly nw: string | null;
}

/** The cells that together cover a circle, all of one precision. */
export interface Covering {
  readonly precision: number;
  readonly cells: string[];
}

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';
const RAD = Math.PI / 180;

/** At most this many cells per covering, when some precision allows it: every circle that holds no pole and has a radius under ~3,000 km. */
const MAX_CELLS = 9;
/**
 * A block of more than 25 candidate cells cannot shrink to 9: the row of the disc's widest
 * parallel and the column of its centre are all touched, so it touches at least rows + cols − 1
 * ≥ 10 cells. Skipping those precisions keeps a covering O(25 × 9) work for any radius.
 */
const MAX_CANDIDATES = 25;
/** Distances are compared with 1 mm of slack, so a point exactly on the circle is never lost to rounding. */
const SLACK_KM = 1e-6;
/** The circle's bounding box is widened by this much (~0.1 mm) for the same reason. */
const SLACK_DEG = 1e-9;

/** The grid of one precision: `rows` × `cols` cells of `height` × `width` degrees. */
interface Grid {
  readonly precision: number;
  readonly latBits: number;
  readonly lonBits: number;
  readonly rows: number;
  readonly cols: number;
  readonly height: number;
  readonly width: number;
}

const gridOf = (precision: number): Grid => {
  if (!Number.isInteger(precision) || precision < 1 || precision > MAX_PRECISION) throw new RangeError(`geohash precision must be 1 to ${MAX_PRECISION}`);
  // Bits alternate starting with longitude, so longitude gets the odd one out.
  const lonBits = Math.ceil((5 * precision) / 2);
  const latBits = Math.floor((5 * precision) / 2);
  const rows = 2 ** latBits;
  const cols = 2 ** lonBits;
  return { precision, latBits, lonBits, rows, cols, height: 180 / rows, width: 360 / cols };
};

const finite = (value: number, name: string): number => {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number`);
  return value;
};

/** Latitude clamped to −90..90: a point past a pole is taken to be on it. */
const clampLat = (lat: number): number => Math.min(90, Math.max(-90, finite(lat, 'lat')));

/** Longitude wrapped into −180..180 (180 itself becomes −180: one meridian, one column). */
const wrapLon = (lon: number): number => {
  // Only a longitude outside the range is wrapped: the arithmetic would round a tiny −1e-20 to 0, across a cell edge.
  if (finite(lon, 'lon') >= -180 && lon < 180) return lon;
  return ((((lon + 180) % 360) + 360) % 360) - 180;
};

/**
 * The index of the slice of `[low, high)` that holds `value`, halving `bits` times. Halving is
 * exact in binary floating point, so a value a hair below an edge stays below it (where
 * `Math.floor((lat + 90) / height)` would round −1e-20 up to 0). `high` itself lands in the last slice.
 */
const sliceOf = (value: number, low: number, high: number, bits: number): number => {
  let index = 0;
  for (let bit = 0; bit < bits; bit++) {
    const mid = (low + high) / 2;
    index *= 2;
    if (value >= mid) {
      index += 1;
      low = mid;
    } else high = mid;
  }
  return index;
};

const rowOf = (grid: Grid, lat: number): number => sliceOf(lat, -90, 90, grid.latBits);
const colOf = (grid: Grid, lon: number): number => sliceOf(lon, -180, 180, grid.lonBits);

/** Interleaves a row and a column into the geohash of their cell. */
const hashOf = (grid: Grid, row: number, col: number): string => {
  let hash = '';
  let lonBit = grid.lonBits;
  let latBit = grid.latBits;
  for (let char = 0; char < grid.precision; char++) {
    let value = 0;
    for (let bit = 0; bit < 5; bit++) {
      // Bit k of the whole hash (k = 5·char + bit) is a longitude bit when k is even.
      const fromLon = (5 * char + bit) % 2 === 0;
      const next = fromLon ? (col >> --lonBit) & 1 : (row >> --latBit) & 1;
      value = (value << 1) | next;
    }
    hash += BASE32[value];
  }
  return hash;
};

/** Splits a geohash back into its grid, row and column. */
const indicesOf = (hash: string): { grid: Grid; row: number; col: number } => {
  const grid = gridOf(hash.length);
  let row = 0;
  let col = 0;
  for (let k = 0; k < 5 * hash.length; k++) {
    const value = BASE32.indexOf(hash[Math.floor(k / 5)]!.toLowerCase());
    if (value < 0) throw new RangeError(`"${hash}" is not a geohash: its characters must be in ${BASE32}`);
    const bit = (value >> (4 - (k % 5))) & 1;
    if (k % 2 === 0) col = (col << 1) | bit;
    else row = (row << 1) | bit;
  }
  return { grid, row, col };
};

/**
 * The geohash of the cell that holds a point. Latitude is clamped to −90..90 and longitude
 * wrapped, so 180 and −180 (and 540) give the same cell.
 *
 * @example
 * encode(57.64911, 10.40744, 9); // 'u4pruydqq'
 * encode(42.605, -5.603, 5); // 'ezs42'
 */
export const encode = (lat: number, lon: number, precision: number = MAX_PRECISION): string => {
  const grid = gridOf(precision);
  return hashOf(grid, rowOf(grid, clampLat(lat)), colOf(grid, wrapLon(lon)));
};

/**
 * The bounds and centre of a geohash's cell (upper or lower case). Throws `RangeError` on a
 * character outside the alphabet or a length outside 1–9.
 *
 * @example
 * decode('ezs42'); // { minLat: 42.5830078125, maxLat: 42.626953125, minLon: -5.625, maxLon: -5.5810546875, lat: 42.60498046875, lon: -5.60302734375 }
 */
export const decode = (hash: string): GeohashCell => {
  const { grid, row, col } = indicesOf(hash);
  return cellAt(grid, row, col);
};

const cellAt = (grid: Grid, row: number, col: number): GeohashCell => {
  const minLat = -90 + row * grid.height;
  const minLon = -180 + col * grid.width;
  const maxLat = minLat + grid.height;
  const maxLon = minLon + grid.width;
  return { minLat, maxLat, minLon, maxLon, lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2 };
};

/**
 * The eight cells around a geohash, of the same precision. East and west wrap across the
 * antimeridian; beyond the top (or bottom) row there is no cell, so those are `null`.
 *
 * @example
 * neighbours('dqcw4b'); // { n: 'dqcw4c', ne: 'dqcw51', e: 'dqcw50', se: 'dqctgp', s: 'dqctfz', sw: 'dqctfx', w: 'dqcw48', nw: 'dqcw49' }
 * neighbours('xbp').e; // '800': across the antimeridian
 * neighbours('upb').n; // null: the top row, at the North Pole
 */
export const neighbours = (hash: string): Neighbours => {
  const { grid, row, col } = indicesOf(hash);
  const at = (dRow: number, dCol: number): string | null => {
    const r = row + dRow;
    if (r < 0 || r >= grid.rows) return null;
    return hashOf(grid, r, (((col + dCol) % grid.cols) + grid.cols) % grid.cols);
  };
  return { n: at(1, 0), ne: at(1, 1), e: at(0, 1)!, se: at(-1, 1), s: at(-1, 0), sw: at(-1, -1), w: at(0, -1)!, nw: at(1, -1) };
};

/**
 * The great-circle distance between two points, in km (haversine on a sphere of radius
 * {@link EARTH_RADIUS_KM}; within 0.5 % of the ellipsoid everywhere, plenty for "who is near").
 *
 * @example
 * distanceKm({ lat: 51.5007, lon: -0.1246 }, { lat: 40.6892, lon: -74.0445 }); // ≈ 5574.8
 */
export const distanceKm = (a: LatLon, b: LatLon): number => {
  const dLat = (b.lat - a.lat) * RAD;
  const dLon = (b.lon - a.lon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2;
  // Rounding can push h a hair past 1 for antipodal points; asin would then be NaN.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(1, Math.max(0, h))));
};

/** The shortest angle, in degrees 0..180, between two longitudes. */
const lonGap = (a: number, b: number): number => {
  const gap = Math.abs(a - b) % 360;
  return gap > 180 ? 360 - gap : gap;
};

/**
 * The exact distance from a point to the nearest point of a cell. The nearest longitude is the
 * cell's edge (or the point's own longitude) closest in angle, whatever the latitude; along that
 * meridian, cos(distance) = A·sin φ + B·cos φ has its only maximum at φ* = atan(A / B), so the
 * nearest latitude is φ* if the cell holds it, else an edge.
 */
const distanceToCellKm = (point: LatLon, cell: GeohashCell): number => {
  const inside = point.lon >= cell.minLon && point.lon <= cell.maxLon;
  const lon = inside ? point.lon : lonGap(point.lon, cell.minLon) <= lonGap(point.lon, cell.maxLon) ? cell.minLon : cell.maxLon;
  const a = Math.sin(point.lat * RAD);
  const b = Math.cos(point.lat * RAD) * Math.cos(lonGap(point.lon, lon) * RAD);
  const lats = [cell.minLat, cell.maxLat];
  if (b !== 0) {
    const best = Math.atan(a / b) / RAD;
    if (best > cell.minLat && best < cell.maxLat) lats.push(best);
  }
  return Math.min(...lats.map((lat) => distanceKm(point, { lat, lon })));
};

/** The rows and columns of a grid that the circle's bounding box spans (columns unwrapped: they may run past either end). */
const candidateBlock = (grid: Grid, centre: LatLon, radiusKm: number) => {
  const reachDeg = radiusKm / EARTH_RADIUS_KM / RAD + SLACK_DEG;
  const south = centre.lat - reachDeg;
  const north = centre.lat + reachDeg;
  const rows = { from: rowOf(grid, Math.max(-90, south)), to: rowOf(grid, Math.min(90, north)) };
  // A circle that holds a pole holds every longitude; otherwise its widest parallel is
  // asin(sin(r/R) / cos φ) either side of the centre's meridian.
  const sinReach = Math.sin(Math.min(Math.PI / 2, reachDeg * RAD)) / Math.cos(centre.lat * RAD);
  if (south <= -90 || north >= 90 || sinReach >= 1) return { rows, cols: { from: 0, to: grid.cols - 1 } };
  const spread = Math.asin(sinReach) / RAD + SLACK_DEG;
  const from = Math.floor((centre.lon - spread + 180) / grid.width);
  const to = Math.floor((centre.lon + spread + 180) / grid.width);
  return { rows, cols: to - from + 1 >= grid.cols ? { from: 0, to: grid.cols - 1 } : { from, to } };
};

/** Every cell of one grid that the circle touches, sorted. */
const touched = (grid: Grid, centre: LatLon, radiusKm: number, block: ReturnType<typeof candidateBlock>): string[] => {
  const cells: string[] = [];
  for (let row = block.rows.from; row <= block.rows.to; row++) {
    for (let c = block.cols.from; c <= block.cols.to; c++) {
      const col = ((c % grid.cols) + grid.cols) % grid.cols;
      if (distanceToCellKm(centre, cellAt(grid, row, col)) <= radiusKm + SLACK_KM) cells.push(hashOf(grid, row, col));
    }
  }
  return cells.sort();
};

/**
 * The geohash cells, all of one precision, that together cover the circle of `radiusKm` around a
 * point: a directory that stores each entry's geohash answers "within R km" with one
 * `begins_with` query per cell, then keeps the entries with `distanceKm ≤ R`.
 *
 * The precision is the finest (9 down to 1) at which the circle touches at most 9 cells, and the
 * cells are exactly those the circle touches (the exact distance to each candidate cell, so a
 * corner cell the circle misses is left out). A circle that holds a pole, or is thousands of km
 * wide (radius over ~3,000 km), may touch more than 9 cells even at precision 1: it then gets the
 * precision-1 cells it touches (at most 32, the whole globe). Near a pole that means a 45° band
 * of longitudes: coarse, but right, and nobody the directory serves lives there. Latitude is clamped and longitude wrapped, as in
 * {@link encode}; the cells wrap across the antimeridian.
 *
 * @example
 * cellsCovering(28.6139, 77.209, 1); // { precision: 5, cells: ['ttnfs', 'ttnft', 'ttnfu', 'ttnfv'] }: four cells of ~4.9 km
 * cellsCovering(0, 180, 10); // { precision: 4, cells: ['2pbp', '8000', 'rzzz', 'xbpb'] }: both sides of the antimeridian
 */
export const cellsCovering = (lat: number, lon: number, radiusKm: number): Covering => {
  if (!Number.isFinite(radiusKm) || radiusKm < 0) throw new RangeError('radiusKm must be a finite number ≥ 0');
  const centre = { lat: clampLat(lat), lon: wrapLon(lon) };
  for (let precision = MAX_PRECISION; precision > 1; precision--) {
    const grid = gridOf(precision);
    const block = candidateBlock(grid, centre, radiusKm);
    if ((block.rows.to - block.rows.from + 1) * (block.cols.to - block.cols.from + 1) > MAX_CANDIDATES) continue;
    const cells = touched(grid, centre, radiusKm, block);
    if (cells.length <= MAX_CELLS) return { precision, cells };
  }
  const coarsest = gridOf(1);
  return { precision: 1, cells: touched(coarsest, centre, radiusKm, candidateBlock(coarsest, centre, radiusKm)) };
};
