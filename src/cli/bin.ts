/** Process glue for the CLI: arguments in, text out, exit code set. */
import { forTerminal } from './format';
import { main } from './main';

// A reader that stops early (`| head`) closes the pipe: that ends the output, it is not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

// On a terminal, a note's control characters are shown, not acted on; piped output is left as it is.
process.exitCode = main(process.argv.slice(2), {
  out: (s) => process.stdout.write(process.stdout.isTTY ? forTerminal(s) : s),
  err: (s) => process.stderr.write(process.stderr.isTTY ? forTerminal(s) : s),
});
