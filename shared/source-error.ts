/**
 * An error tied to a place in a file.
 *
 * Every parse or validation problem the user can see carries the file, line and column so
 * the editor can jump there and the CLI can print `file:line:col: message`.
 */
export interface SourceLocation {
  /** 1-based line in the whole file (not in the front matter). */
  line: number;
  /** 1-based column. */
  col: number;
}

export class SourceError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly col: number | undefined;
  readonly code: string;

  constructor(code: string, message: string, where: { file?: string; line?: number; col?: number } = {}) {
    super(message);
    this.name = 'SourceError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.col = where.col;
  }

  /** `file:line:col: message`, the shape editors and CI logs link to. */
  describe(): string {
    const place = [this.file, this.line, this.col].filter((p) => p !== undefined).join(':');
    return place ? `${place}: ${this.message}` : this.message;
  }

  /** The same error, now naming its file. */
  inFile(file: string): SourceError {
    return new SourceError(this.code, this.message, { file, line: this.line, col: this.col });
  }
}
