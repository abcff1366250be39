import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { rescoreMeasurements } from '@treem/server/modules/ecd/rescore';
import { csvField, csvRecords } from '@treem/server/modules/register/files/csv';
import { scoreSurveyRow, surveyScoreColumns } from '@treem/shared';
import type { Command } from 'commander';
import { CliError, withDatabase } from '../support.ts';

/** Rows written per `write` call: enough to keep the disk busy, small enough to stream a million-row survey. */
const LINES_PER_WRITE = 5_000;

export function registerGrowthCommands(program: Command): void {
  const growth = program.command('growth').description('WHO growth z-scores');
  growth
    .command('zscore')
    .description(
      'Survey mode: score a CSV of measurements (sex 1/2; age_days, age_months or dob + date; weight_kg, lenhei_cm, ' +
        'measure l/h, oedema y/n, headc_cm, muac_cm) and write it back with z_* and f_* columns and an error column',
    )
    .requiredOption('--in <file>', 'measurements CSV (UTF-8 or Windows-1258; comma, semicolon or tab)')
    .requiredOption('--out <file>', 'where to write the scored CSV (UTF-8)')
    .action(async (options: { in: string; out: string }) => {
      const summary = await scoreSurveyFile(options.in, options.out);
      process.stderr.write(
        `Scored ${summary.rows} rows (${summary.errors} with an error in the "error" column) into ${options.out}\n`,
      );
    });
  growth
    .command('rescore')
    .description(
      "Recompute the WHO z-scores and classification of stored measurements from the children's current sex and " +
        'birth date, and store those that changed (in batches, each committed on its own)',
    )
    .option('--province <code>', 'only the measurements of this province (2-digit code); default all')
    .option('--batch <n>', 'measurements read, scored and written per statement', '5000')
    .action(async (options: { province?: string; batch: string }) => {
      const batchSize = Number(options.batch.replace(/[_,]/g, ''));
      if (!Number.isInteger(batchSize) || batchSize <= 0 || batchSize > 100_000)
        throw new CliError('--batch must be an integer from 1 to 100000', 2);
      if (options.province !== undefined && !/^\d{2}$/.test(options.province))
        throw new CliError(`--province must be a 2-digit province code, not "${options.province}"`, 2);
      await withDatabase(async ({ db }) => {
        const provinceCode = options.province;
        if (provinceCode !== undefined) {
          const province = await db
            .selectFrom('org_unit')
            .select('id')
            .where('generation', '=', 'current')
            .where('level', '=', 'province')
            .where('province_code', '=', provinceCode)
            .executeTakeFirst();
          if (!province) throw new CliError(`province ${provinceCode} not found`, 2);
        }
        const counted = await db
          .selectFrom('growth_measurement')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .$if(provinceCode !== undefined, (q) => q.where('province_code', '=', provinceCode!))
          .executeTakeFirstOrThrow();
        const total = { n: Number(counted.n) };
        const where = provinceCode === undefined ? 'all provinces' : `province ${provinceCode}`;
        process.stdout.write(
          `Rescoring ${total.n.toLocaleString('en-US')} measurements of ${where} in batches of ${batchSize}\n`,
        );
        const start = performance.now();
        let lastLine = start;
        const result = await rescoreMeasurements(db, {
          provinceCode,
          batchSize,
          onProgress: (done) => {
            const now = performance.now();
            if (now - lastLine < 2_000 && done < total.n) return;
            lastLine = now;
            const percent = total.n > 0 ? Math.floor((done / total.n) * 100) : 100;
            process.stdout.write(
              `  ${done.toLocaleString('en-US')} / ${total.n.toLocaleString('en-US')} (${percent}%), ` +
                `${rate(done, now - start)} rows/s\n`,
            );
          },
        });
        const ms = performance.now() - start;
        process.stdout.write(
          `Rescored ${result.scored.toLocaleString('en-US')} measurements ` +
            `(${result.changed.toLocaleString('en-US')} changed and stored) in ${(ms / 1000).toFixed(1)} s: ` +
            `${rate(result.scored, ms)} rows/s\n`,
        );
      });
    });
}

function rate(rows: number, ms: number): string {
  return Math.round(rows / Math.max(ms / 1000, 0.001)).toLocaleString('en-US');
}

export async function scoreSurveyFile(
  input: string,
  output: string,
): Promise<{ rows: number; errors: number }> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(input);
  } catch {
    throw new CliError(`cannot read ${input}`, 2);
  }
  const records = csvRecords(bytes);
  const header = records.next();
  if (header.done || header.value.every((cell) => cell.trim() === ''))
    throw new CliError(`${input} is empty`, 2);
  const columns = header.value.map((name) => name.trim().toLowerCase());
  if (!columns.includes('sex')) throw new CliError(`${input} has no "sex" column`, 2);
  const clashing = surveyScoreColumns.filter((name) => columns.includes(name));
  const kept = columns.map((name) => !(clashing as readonly string[]).includes(name));

  const out = fs.createWriteStream(output, { encoding: 'utf8' });
  const opened = new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', reject);
  });
  await opened.catch(() => {
    throw new CliError(`cannot write ${output}`, 2);
  });
  const write = (text: string) =>
    new Promise<void>((resolve, reject) => out.write(text, (error) => (error ? reject(error) : resolve())));

  const line = (cells: readonly string[]) => cells.map((cell) => csvField(cell)).join(',');
  let lines: string[] = [line([...header.value.filter((_, i) => kept[i]), ...surveyScoreColumns])];
  let rows = 0;
  let errors = 0;
  for (const record of records) {
    if (record.length === 1 && record[0]!.trim() === '') continue; // a blank line
    const row: Record<string, string> = {};
    columns.forEach((name, i) => (row[name] = record[i] ?? ''));
    const scores = scoreSurveyRow(row);
    rows++;
    if (scores.error !== '') errors++;
    // A short row is padded, so every score lands under its own header.
    const cells = columns.map((_, i) => record[i] ?? '').filter((_, i) => kept[i]);
    lines.push(line([...cells, ...surveyScoreColumns.map((column) => scores[column])]));
    if (lines.length >= LINES_PER_WRITE) {
      await write(lines.join('\n') + '\n');
      lines = [];
    }
  }
  await write(lines.length > 0 ? lines.join('\n') + '\n' : '');
  await new Promise<void>((resolve) => out.end(resolve));
  return { rows, errors };
}
