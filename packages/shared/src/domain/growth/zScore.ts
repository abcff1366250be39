/**
 * The LMS arithmetic of the WHO growth references (WHO Child Growth Standards, methods chapter 7), written in the
 * same operation order as WHO's anthro R package so the doubles come out the same.
 */

/** z = ((y/M)^L − 1) / (S·L). No WHO table row has L = 0. */
export function lmsZScore(y: number, l: number, m: number, s: number): number {
  return ((y / m) ** l - 1) / (s * l);
}

/** The measurement at `sd` standard deviations: M·(1 + L·S·sd)^(1/L). */
export function lmsValueAt(sd: number, l: number, m: number, s: number): number {
  return m * (1 + l * s * sd) ** (1 / l);
}

/**
 * WHO's "restricted" z-score, used where the distribution is skewed (weight, weight-for-length/height, BMI, arm
 * circumference): beyond ±3 the LMS curve stretches the tail, so z is extrapolated linearly with the distance
 * between the 2 and 3 SD lines instead.
 */
export function restrictedZScore(y: number, l: number, m: number, s: number): number {
  const z = lmsZScore(y, l, m, s);
  if (z > 3) {
    const sd3 = lmsValueAt(3, l, m, s);
    return 3 + (y - sd3) / (sd3 - lmsValueAt(2, l, m, s));
  }
  if (z < -3) {
    const sd3 = lmsValueAt(-3, l, m, s);
    return -3 + (y - sd3) / (lmsValueAt(-2, l, m, s) - sd3);
  }
  return z;
}

/**
 * A z-score to 2 decimals exactly as WHO reports it: WHO anthro and anthroplus call R's `round(z, 2)`, which (R ≥ 4.0)
 * returns whichever of the two 2-decimal neighbours is nearer to the double itself, so 2.675 (stored as
 * 2.67499999…) gives 2.67, and a value exactly half-way in binary (0.125, 2.375 — the only true ties) goes to the
 * even last digit. That last case is where this differs from "half away from zero"; WHO's output is R's.
 * Negative values round like their absolute value; a value that rounds to zero is 0, never −0.
 */
export function roundZ(z: number): number {
  if (z === 0) return 0;
  if (!Number.isFinite(z)) return z;
  return z < 0 ? -roundPositive(-z) + 0 : roundPositive(z);
}

function roundPositive(x: number): number {
  // R skips rounding when the value has no digits left to lose (log10(x) + 2 > 15 significant digits).
  if (Math.LOG10E * Math.log(x) + 2 > 15) return x;
  const scaled = x * 100;
  const down = Math.floor(scaled);
  const lower = down / 100;
  const upper = Math.ceil(scaled) / 100;
  const toUpper = upper - x;
  const toLower = x - lower;
  return toUpper < toLower || (toUpper === toLower && down % 2 === 1) ? upper : lower;
}
