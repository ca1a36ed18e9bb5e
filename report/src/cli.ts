/**
 * The `customer-metrics-report` command. Exit codes: 0 done, 1 an input or output file cannot be
 * used, 2 the command line is wrong, 3 an unexpected failure (a bug: the message asks for a report).
 * Never a stack trace for the first two.
 */
import { parseArguments, USAGE } from './args.js';
import { ReportError } from './errors.js';
import { runReport } from './index.js';

/** Runs the command with the given arguments; returns the exit code. */
export async function main(argv: readonly string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number } } = process): Promise<number> {
  try {
    const args = parseArguments(argv);
    if (args === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    const run = await runReport(args, io.stderr);
    const skipped = run.report.omitted.length;
    io.stderr.write(
      `${args.quiet ? '' : '\n'}Wrote ${run.out} (${args.format}, ${(run.bytes / 1024).toFixed(0)} KiB): ${run.report.sections.length} sections` +
        (skipped > 0 ? `, ${skipped} left out for lack of input (see the report)` : '') +
        '.\n',
    );
    return 0;
  } catch (error) {
    if (error instanceof ReportError) {
      io.stderr.write(`customer-metrics-report: ${error.message}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`customer-metrics-report: unexpected failure: ${message}\nThis is a bug; please report it with the command you ran (not the data).\n`);
    return 3;
  }
}

// Run when executed directly (tsx report/src/cli.ts, node dist/cli.js), not when imported (tests, bin/).
const invoked = process.argv[1] ?? '';
if (/(^|[\\/])cli\.(ts|js)$/.test(invoked)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = 3;
    },
  );
}
