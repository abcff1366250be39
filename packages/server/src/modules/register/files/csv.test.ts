import { describe, expect, test } from 'vitest';
import { csvField, csvRecords, detectDelimiter, detectEncoding } from './csv.ts';

const records = (text: string | Buffer) => [
  ...csvRecords(typeof text === 'string' ? Buffer.from(text) : text),
];

describe('csvRecords', () => {
  test('splits plain lines on the delimiter, CRLF or LF', () => {
    expect(records('a,b,c\r\n1,2,3\n4,5,6')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  test('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(records('h1,h2\r\n"Số 5, ngõ 3","nói ""có"""\r\n"dòng một\r\ndòng hai",x\r\n')).toEqual([
      ['h1', 'h2'],
      ['Số 5, ngõ 3', 'nói "có"'],
      ['dòng một\r\ndòng hai', 'x'],
    ]);
  });

  test('detects semicolons and tabs from the first line and keeps empty lines as empty records', () => {
    expect(records('a;b\n1;"2;3"\n\n4;5')).toEqual([['a', 'b'], ['1', '2;3'], [''], ['4', '5']]);
    expect(records('a\tb\n1\t2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(detectDelimiter('"a,b";c;d')).toBe(';');
  });

  test('skips a UTF-8 byte-order mark and reads UTF-16 with one', () => {
    expect(records(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Họ tên,x\n')]))).toEqual([
      ['Họ tên', 'x'],
    ]);
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Họ tên\tGiới tính\r\nLan\tNữ\r\n', 'utf16le'),
    ]);
    expect(detectEncoding(utf16).encoding).toBe('utf-16le');
    expect(records(utf16)).toEqual([
      ['Họ tên', 'Giới tính'],
      ['Lan', 'Nữ'],
    ]);
  });

  test('reads a file that is not UTF-8 as Windows-1258 and composes its tone marks', () => {
    // "Nguyễn" in Windows-1258: ê (0xEA) followed by the combining tilde (0xDE).
    const bytes = Buffer.from([0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x2c, 0x78, 0x0a]);
    expect(detectEncoding(bytes).encoding).toBe('windows-1258');
    expect(records(bytes)).toEqual([['Nguyễn', 'x']]);
  });

  test('carries a quoted field across the 4 MB slices the file is decoded in', () => {
    const long = 'x'.repeat(5 * 1024 * 1024);
    const text = `a,b\n"${long}\n${long}",end\nlast,row\n`;
    const result = records(text);
    expect(result).toHaveLength(3);
    expect(result[1]![0]).toHaveLength(long.length * 2 + 1);
    expect(result[1]![1]).toBe('end');
    expect(result[2]).toEqual(['last', 'row']);
  });

  test('a slice boundary inside a multi-byte letter does not corrupt it', () => {
    const line = `${'Đặng Thị Ngọc Ánh,'.repeat(50)}\n`;
    const text = line.repeat(Math.ceil((4.5 * 1024 * 1024) / Buffer.byteLength(line)));
    const result = records(text);
    for (const record of result) expect(record[0]).toBe('Đặng Thị Ngọc Ánh');
  });
});

describe('csvField', () => {
  test('quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
});
