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

/**
 * Every delete carries an explicit confirmation (the "confirm" field of the form: the checkbox of a
 * confirmation page, or the second tap of an inline delete). A request without it deletes nothing: a stray
 * POST, a replayed form or a script must not take an activity's marks with it.
 */
export function requireDeleteConfirmation(confirmed: boolean): void {
  if (!confirmed) throw new DomainError("Hãy đánh dấu ô xác nhận trước khi xóa.", "confirm");
}
