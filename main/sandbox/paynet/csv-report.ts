/**
 * A generated CSV report of an exact byte size, filled into caller-owned
 * buffers piece by piece so a multi-GiB download never sits in memory.
 *
 * Layout: a header line, then fixed-width rows numbered from 1; when the size
 * leaves less than a row at the end, a final line of '#' fills it. A size
 * smaller than the header yields the header's first bytes.
 */

export const CSV_HEADER = 'row_no,transaction_time,merchant_id,amount_myr,status,reference\n';
const ROW_TEMPLATE = '000000000000,2026-01-01T08:00:00Z,OSP-SANDBOX-MERCHANT,100.00,SETTLED,PNREF000000000000\n';
const DIGITS = 12;
const REFERENCE_OFFSET = ROW_TEMPLATE.length - 1 - DIGITS;
export const CSV_ROW_BYTES = ROW_TEMPLATE.length;

const headerBytes = Buffer.from(CSV_HEADER, 'latin1');
// One shared block of template rows, grown to the largest fill asked for; a
// fill copies only the prefix it needs (so odd final sizes add no new blocks).
let rowBlock = Buffer.alloc(0);

function rowTemplate(rows: number): Buffer {
  if (rowBlock.length < rows * CSV_ROW_BYTES) rowBlock = Buffer.from(ROW_TEMPLATE.repeat(rows), 'latin1');
  return rowBlock;
}

// Row numbers are written as 8 high digits (cached, they change every 10,000
// rows) and 4 low digits from a lookup table: far cheaper than a division per digit.
const LOW_DIGITS = Buffer.from(Array.from({ length: 10_000 }, (_, value) => String(value).padStart(4, '0')).join(''), 'latin1');

function createNumberStamper(): (target: Buffer, offset: number, value: number) => void {
  let cachedHigh = -1;
  const high = Buffer.alloc(DIGITS - 4);
  return (target, offset, value) => {
    const highValue = Math.floor(value / 10_000);
    if (highValue !== cachedHigh) {
      cachedHigh = highValue;
      high.write(String(highValue).padStart(DIGITS - 4, '0'), 'latin1');
    }
    // Byte by byte: Buffer.copy's native call costs more than it saves for a few bytes.
    for (let index = 0; index < DIGITS - 4; index += 1) target[offset + index] = high[index] ?? 0x30;
    const low = (value % 10_000) * 4;
    const at = offset + DIGITS - 4;
    target[at] = LOW_DIGITS[low] ?? 0x30;
    target[at + 1] = LOW_DIGITS[low + 1] ?? 0x30;
    target[at + 2] = LOW_DIGITS[low + 2] ?? 0x30;
    target[at + 3] = LOW_DIGITS[low + 3] ?? 0x30;
  };
}

export type CsvReportGenerator = {
  /** Writes the next bytes into `target` (whole rows only) and returns how many; 0 at the end. */
  fill: (target: Buffer) => number;
};

export function createCsvReport(sizeBytes: number): CsvReportGenerator {
  let remaining = sizeBytes;
  let nextRow = 1;
  let headerSent = false;
  const stampNumber = createNumberStamper();

  return {
    fill(target) {
      if (remaining <= 0) return 0;
      if (!headerSent) {
        headerSent = true;
        const length = Math.min(headerBytes.length, remaining, target.length);
        headerBytes.copy(target, 0, 0, length);
        remaining -= length;
        return length;
      }
      const rows = Math.min(Math.floor(target.length / CSV_ROW_BYTES), Math.floor(remaining / CSV_ROW_BYTES));
      if (rows === 0) {
        // Less than a row left: a filler line keeps the size exact.
        const length = Math.min(remaining, target.length);
        target.fill(0x23, 0, length);
        if (length === remaining) target[length - 1] = 0x0a;
        remaining -= length;
        return length;
      }
      const length = rows * CSV_ROW_BYTES;
      rowTemplate(rows).copy(target, 0, 0, length);
      for (let row = 0; row < rows; row += 1) {
        const start = row * CSV_ROW_BYTES;
        stampNumber(target, start, nextRow);
        stampNumber(target, start + REFERENCE_OFFSET, nextRow);
        nextRow += 1;
      }
      remaining -= length;
      return length;
    },
  };
}
