/** The part of a terminal stdin the prompt uses (a tty.ReadStream; tests pass a fake). */
export type RawInput = {
  setRawMode(raw: boolean): unknown;
  resume(): unknown;
  pause(): unknown;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  removeListener(event: 'data', listener: (chunk: Buffer) => void): unknown;
};

/**
 * Asks on the terminal and reads one line without echoing it, so a passphrase
 * or secret never shows on screen or in scrollback. Only for a TTY stdin.
 */
export function promptHiddenOnTty(question: string, input: RawInput, output: { write(text: string): unknown } = process.stderr): Promise<string> {
  return new Promise((resolve, reject) => {
    // Kept as characters so a backspace removes a whole one.
    const typed: string[] = [];
    const finish = (error: Error | null) => {
      input.setRawMode(false);
      input.pause();
      input.removeListener('data', onData);
      output.write('\n');
      if (error) reject(error);
      else resolve(typed.join(''));
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        // Ctrl+C or Ctrl+D: the user gave up.
        if (char === '\u0003' || char === '\u0004') return finish(new Error('Cancelled.'));
        if (char === '\u007f' || char === '\b') typed.pop();
        else if (char >= ' ') typed.push(char);
      }
      return undefined;
    };
    output.write(question);
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

/** All of stdin when something is piped in; null on a terminal (the caller prompts instead). */
export async function readPipedStdin(input: NodeJS.ReadStream = process.stdin): Promise<string | null> {
  if (input.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
