/**
 * The report tool's own error: one message for the person at the terminal (no stack trace), and
 * the exit code. 2 = the command line is wrong; 1 = an input file cannot be used.
 */
export class ReportError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}
