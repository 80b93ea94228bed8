import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatBytes as cliFormat } from '../../../main/cli/outcome.ts';
import { formatBytes } from '../../../renderer/src/format/bytes.ts';
import { ResponseViewer } from '../../../renderer/src/pages/workbench/ResponseViewer.tsx';
import { sendResult } from './response-fixture.ts';

const KiB = 1024;
const MiB = 1024 * KiB;
// Each boundary and a few ordinary sizes, with what a person reads.
const TABLE: [number, string][] = [
  [0, '0 B'],
  [1, '1 B'],
  [1023, '1023 B'],
  [1024, '1.0 KiB'],
  [1536, '1.5 KiB'],
  [48 * KiB, '48.0 KiB'],
  [MiB - 1, '1024.0 KiB'],
  [MiB, '1.0 MiB'],
  [5 * MiB + 300 * KiB, '5.3 MiB'],
  [3 * 1024 * MiB, '3072.0 MiB'],
];

describe('sizes', () => {
  it('the renderer writes every size as the CLI does', () => {
    for (const [bytes, text] of TABLE) {
      expect(formatBytes(bytes)).toBe(text);
      expect(cliFormat(bytes)).toBe(text);
    }
  });

  it('the response summary shows the body size in KiB', () => {
    const result = sendResult({ encoding: 'utf8', data: '{"a":1}', truncated: false }, { bytes: 2560 });
    render(<ResponseViewer result={result} running={false} progress={null} onCancel={() => undefined} />);
    expect(screen.getByText('2.5 KiB')).toBeTruthy();
  });
});
