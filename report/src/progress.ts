/**
 * Progress on stderr for the long steps (reading, summarising, fitting, rendering): a bar redrawn in
 * place on a terminal, plain lines otherwise (one when a step starts, at most every 10% while it
 * runs, one when it ends, with its time).
 */

/** Where progress goes; `write` receives text as is. */
export interface ProgressSink {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export class Progress {
  private step: string | undefined;
  private started = 0;
  private lastTenth = -1;
  private lastDraw = 0;

  constructor(
    private readonly sink: ProgressSink | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts a step (ends the previous one). */
  start(step: string): void {
    this.end();
    this.step = step;
    this.started = this.now();
    this.lastTenth = -1;
    this.lastDraw = 0;
    if (this.sink === undefined) return;
    if (this.sink.isTTY) this.draw(0);
    else this.sink.write(`${step}...\n`);
  }

  /** Reports the fraction done (0..1) of the current step. */
  update(fraction: number): void {
    if (this.sink === undefined || this.step === undefined) return;
    const clamped = Math.min(1, Math.max(0, fraction));
    if (this.sink.isTTY) {
      const t = this.now();
      if (t - this.lastDraw >= 100 || clamped === 1) {
        this.lastDraw = t;
        this.draw(clamped);
      }
      return;
    }
    const tenth = Math.floor(clamped * 10);
    if (tenth > this.lastTenth && tenth < 10) {
      if (this.lastTenth >= 0 || tenth > 0) this.sink.write(`${this.step}: ${tenth * 10}%\n`);
      this.lastTenth = tenth;
    }
  }

  /** Ends the current step. */
  end(): void {
    if (this.step === undefined) return;
    const seconds = ((this.now() - this.started) / 1000).toFixed(1);
    if (this.sink !== undefined) {
      if (this.sink.isTTY) this.sink.write(`\r\x1b[2K${this.step}: done in ${seconds} s\n`);
      else this.sink.write(`${this.step}: done in ${seconds} s\n`);
    }
    this.step = undefined;
  }

  private draw(fraction: number): void {
    const label = this.step ?? '';
    const width = Math.max(10, Math.min(40, (this.sink?.columns ?? 80) - label.length - 12));
    const filled = Math.round(fraction * width);
    this.sink?.write(`\r\x1b[2K${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%`);
  }
}
