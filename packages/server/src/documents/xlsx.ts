import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * A workbook written with ExcelJS's streaming writer (rows are committed as they are added, so a large sheet stays a
 * few MB of memory) and collected into bytes by `finish`, once the caller has added and committed its sheets.
 */
export function streamedWorkbook(): {
  workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  finish: () => Promise<Uint8Array>;
} {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'treem';
  return {
    workbook,
    finish: async () => {
      await workbook.commit();
      await ended;
      return new Uint8Array(Buffer.concat(chunks));
    },
  };
}
