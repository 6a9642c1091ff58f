/** A rule of the domain said no; the message is Vietnamese and safe to show the user. */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
