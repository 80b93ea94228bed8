import { runWeb } from '../../host/start.ts';
import { requireWorkspaceFolder } from '../workspace-option.ts';
import { parseCommandArgs, parsePort, untilInterrupted, type Command } from '../command.ts';

export const web: Command = {
  summary: 'Start browser mode: the app in your browser, served on 127.0.0.1',
  help: `Usage: countersign web [--port N] [--data-dir DIR] [--open]

Serves the built interface and every service on 127.0.0.1 only and prints the
address to open (it carries a one-time launch token). Stop with Ctrl+C.

Options:
  --port N         listen on port N (default: a free port)
  --data-dir DIR   data directory (default: COUNTERSIGN_DATA_DIR, then the platform's)
  --open           open the address in your browser

Example:
  countersign web --port 8080 --open
`,
  async run(args, _io, context) {
    const { values } = parseCommandArgs(args, {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      open: { type: 'boolean', default: false },
    });
    const port = parsePort(values.port);
    if (context.workspaceDir !== undefined) requireWorkspaceFolder(context.workspaceDir);
    const stop = await runWeb({
      ...(port === undefined ? {} : { port }),
      ...(values['data-dir'] === undefined ? {} : { dataDir: values['data-dir'] }),
      open: values.open,
      ...(context.workspaceDir === undefined ? {} : { workspaceDir: context.workspaceDir }),
    });
    await untilInterrupted();
    await stop();
    return 0;
  },
};
