import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { promptHiddenOnTty, type RawInput } from '../../../main/cli/prompt.ts';

function fakeTerminal() {
  const emitter = new EventEmitter();
  const modes: boolean[] = [];
  let shown = '';
  const input: RawInput = {
    setRawMode: (raw) => modes.push(raw),
    resume: () => undefined,
    pause: () => undefined,
    on: (event, listener) => emitter.on(event, listener),
    removeListener: (event, listener) => emitter.removeListener(event, listener),
  };
  return { input, output: { write: (text: string) => (shown += text) }, type: (text: string) => emitter.emit('data', Buffer.from(text)), modes, shown: () => shown };
}

describe('hidden prompt', () => {
  it('returns what was typed without echoing it, honouring backspace', async () => {
    const terminal = fakeTerminal();
    const answer = promptHiddenOnTty('Passphrase: ', terminal.input, terminal.output);
    terminal.type('hunter22');
    terminal.type('x\u007f');
    terminal.type('é\r');
    await expect(answer).resolves.toBe('hunter22é');
    expect(terminal.shown()).toBe('Passphrase: \n');
    expect(terminal.modes).toEqual([true, false]);
  });

  it('rejects on Ctrl+C and leaves raw mode', async () => {
    const terminal = fakeTerminal();
    const answer = promptHiddenOnTty('Passphrase: ', terminal.input, terminal.output);
    terminal.type('abc\u0003');
    await expect(answer).rejects.toThrow('Cancelled');
    expect(terminal.modes).toEqual([true, false]);
  });
});
