/** Process glue for the CLI: arguments in, text out, exit code set. */
import { main } from './main';

process.exitCode = main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
});
