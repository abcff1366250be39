// growth: WHO z-scores computed in-process, the work behind every saved measurement, the weighing-day grid and
// `treem growth zscore`. Scores BENCH_MEASUREMENTS generated measurements (0–59 months, both sexes, weight, length or
// height with its position, head circumference, MUAC; 2 % with oedema) through `growthZScores`, which gives up to
// six z-scores each, rounded the WHO way and flagged. Target: ≥ 2,000,000 z-scores a second (≤ 500 ns each).
// Baseline, measured in the same run on the same values: the bare LMS formula ((y/M)^L − 1)/(L·S) with L, M, S
// already in hand — what one z-score costs before any table look-up, rule or rounding.
import { growthZScores, lmsZScore, type GrowthInput } from '@treem/shared';
import { envInt, loadNote, machineInfo, row, seededRandom, writeResult } from './support.ts';

const MEASUREMENTS = envInt('BENCH_MEASUREMENTS', 1_000_000);
const ROUNDS = envInt('BENCH_ROUNDS', 5);
const TARGET_NS_PER_Z = 500; // 2,000,000 per second
const random = seededRandom(envInt('BENCH_SEED', 20261205));

function measurement(): GrowthInput {
  const ageDays = Math.floor(random() * 1827);
  const months = ageDays / 30.4375;
  const length = 50 + months * 1.1 + (random() - 0.5) * 12;
  return {
    sex: random() < 0.5 ? 'male' : 'female',
    ageDays,
    weightKg: 3.3 + months * 0.22 + (random() - 0.5) * 4,
    lengthHeightCm: length,
    position: random() < 0.9 ? (ageDays < 731 ? 'lying' : 'standing') : ageDays < 731 ? 'standing' : 'lying',
    oedema: random() < 0.02,
    headCircumferenceCm: random() < 0.3 ? 34 + months * 0.25 + (random() - 0.5) * 3 : null,
    muacCm: random() < 0.8 ? 11 + months * 0.08 + (random() - 0.5) * 2 : null,
  };
}

function main(): void {
  const inputs = Array.from({ length: MEASUREMENTS }, measurement);

  // The baseline's inputs: one (y, L, M, S) per z-score the scorer will compute, in flat typed arrays.
  const y = new Float64Array(MEASUREMENTS * 6);
  const l = new Float64Array(MEASUREMENTS * 6);
  const m = new Float64Array(MEASUREMENTS * 6);
  const s = new Float64Array(MEASUREMENTS * 6);
  let zCount = 0;
  for (const input of inputs) {
    const scores = growthZScores(input);
    for (const z of Object.values(scores.z)) {
      if (z === null) continue;
      y[zCount] = 8 + random() * 10;
      l[zCount] = -0.3 + random() * 0.6 || 0.1;
      m[zCount] = 10 + random() * 5;
      s[zCount] = 0.08 + random() * 0.05;
      zCount++;
    }
  }

  let sink = 0;
  const scorerNs: number[] = [];
  const baselineNs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let start = process.hrtime.bigint();
    for (let i = 0; i < zCount; i++) sink += lmsZScore(y[i]!, l[i]!, m[i]!, s[i]!);
    baselineNs.push(Number(process.hrtime.bigint() - start) / zCount);

    start = process.hrtime.bigint();
    for (const input of inputs) sink += growthZScores(input).z.wfa ?? 0;
    scorerNs.push(Number(process.hrtime.bigint() - start) / zCount);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the loops from being optimised away');

  const best = (samples: number[]) => Math.min(...samples);
  const median = (samples: number[]) => [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
  const perZ = median(scorerNs);
  const perBareZ = median(baselineNs);
  writeResult({
    name: 'growth',
    scale: `${MEASUREMENTS.toLocaleString('en-US')} measurements, ${zCount.toLocaleString('en-US')} z-scores a round; median of ${ROUNDS} rounds`,
    machine: machineInfo('none (in-process)'),
    at: new Date().toISOString(),
    results: [
      row({
        metric: 'growthZScores: time per z-score',
        value: perZ,
        unit: 'ns',
        baseline: perBareZ,
        target: TARGET_NS_PER_Z,
        note: `best round ${best(scorerNs).toFixed(1)} ns; baseline = bare LMS formula, best ${best(baselineNs).toFixed(1)} ns`,
      }),
      row({ metric: 'growthZScores: z-scores per second', value: 1e9 / perZ, unit: 'z/s', target: 'report' }),
      row({
        metric: 'bare LMS formula: z-scores per second',
        value: 1e9 / perBareZ,
        unit: 'z/s',
        target: 'report',
      }),
      row({
        metric: 'z-scores per measurement',
        value: zCount / MEASUREMENTS,
        unit: 'z',
        target: 'report',
      }),
    ],
    notes: [loadNote('at end')],
  });
}

main();
