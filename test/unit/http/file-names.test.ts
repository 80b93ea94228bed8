import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fileNameFromContentDisposition } from '../../../main/http/content-disposition.ts';
import { numberedName } from '../../../main/http/download-target.ts';
import { fileNameFromUrl, sanitizeFileName } from '../../../main/http/file-name.ts';

describe('Content-Disposition file names', () => {
  it.each([
    ['attachment; filename="report.csv"', 'report.csv'],
    ['attachment; filename=report.csv', 'report.csv'],
    ['attachment; filename="a \\"quoted\\" name.txt"', 'a "quoted" name.txt'],
    ['attachment; filename="semi;colon.txt"; size=3', 'semi;colon.txt'],
    ["attachment; filename=\"fallback.csv\"; filename*=UTF-8''%E2%82%AC%20rates.csv", '€ rates.csv'],
    ["attachment; filename*=UTF-8''%E2%82%AC%20rates.csv; filename=\"fallback.csv\"", '€ rates.csv'],
    ["attachment; filename*=iso-8859-1'en'%A3%20rates.csv", '£ rates.csv'],
    ['ATTACHMENT; FILENAME="upper.txt"', 'upper.txt'],
  ])('%s -> %s', (header, expected) => {
    expect(fileNameFromContentDisposition(header)).toBe(expected);
  });

  it('falls back to filename when filename* is malformed, and gives null when there is no name', () => {
    expect(fileNameFromContentDisposition("attachment; filename*=UTF-8''%FF%FE; filename=\"ok.txt\"")).toBe('ok.txt');
    expect(fileNameFromContentDisposition('attachment')).toBeNull();
    expect(fileNameFromContentDisposition('inline; filename=""')).toBeNull();
    expect(fileNameFromContentDisposition(undefined)).toBeNull();
  });
});

describe('sanitizeFileName', () => {
  it.each([
    ['../../x', 'x'],
    ['/etc/passwd', 'passwd'],
    ['C:\\Windows\\System32\\evil.dll', 'evil.dll'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['evil\u0000.txt', 'evil.txt'],
    ['line\r\nbreak.txt', 'linebreak.txt'],
    ['.bashrc', 'bashrc'],
    ['..', 'download'],
    ['', 'download'],
    ['report.csv.', 'report.csv'],
    ['a<b>c:d"e|f?g*h.txt', 'abcdefgh.txt'],
    ['invoice\u202Etxt.exe', 'invoicetxt.exe'],
    ['CON', '_CON'],
    ['nul.tar.gz', '_nul.tar.gz'],
    ['com1.txt', '_com1.txt'],
    ['console.txt', 'console.txt'],
    ['€ rates.csv', '€ rates.csv'],
  ])('%j -> %j', (raw, expected) => {
    expect(sanitizeFileName(raw)).toBe(expected);
  });

  it('uses the fallback when nothing usable is left, sanitizing it too', () => {
    expect(sanitizeFileName('/', 'from-url.csv')).toBe('from-url.csv');
    expect(sanitizeFileName('\u0000', '../x')).toBe('x');
  });

  it('cuts long names to 200 UTF-8 bytes, keeping the extension and whole characters', () => {
    const long = `${'€'.repeat(150)}.csv`;
    const out = sanitizeFileName(long);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(200);
    expect(out.endsWith('.csv')).toBe(true);
    expect(out).not.toContain('\uFFFD');
  });

  it('whatever the input, the result is one safe, non-empty path segment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (raw) => {
        const name = sanitizeFileName(raw);
        expect(name.length).toBeGreaterThan(0);
        // eslint-disable-next-line no-control-regex
        expect(name).not.toMatch(/[/\\\u0000-\u001f<>:"|?*]/);
        expect(name.startsWith('.')).toBe(false);
        expect(name).not.toBe('..');
        expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
        expect(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)).toBe(false);
      }),
      { numRuns: 2000 },
    );
    // 2,000 runs take ~1 s here, 6 s with the shared machine at load ~16.
  }, 30_000);
});

describe('names from URLs and numbered names', () => {
  it('takes the last decoded path segment of a URL', () => {
    expect(fileNameFromUrl('https://h/reports/2026/q3%20summary.csv?x=1')).toBe('q3 summary.csv');
    expect(fileNameFromUrl('https://h/')).toBeNull();
    expect(fileNameFromUrl('https://h/a/%E0%A4%A')).toBe('%E0%A4%A');
  });

  it('numbers a name before its extension', () => {
    expect(numberedName('report.csv', 0)).toBe('report.csv');
    expect(numberedName('report.csv', 1)).toBe('report (1).csv');
    expect(numberedName('archive.tar.gz', 2)).toBe('archive.tar (2).gz');
    expect(numberedName('README', 3)).toBe('README (3)');
  });
});
