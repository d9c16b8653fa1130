/** Bad input from the person at the terminal: one line on stderr and exit 2 (or the given code). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
