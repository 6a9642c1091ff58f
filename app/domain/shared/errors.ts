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
 * How a delete was confirmed: `true` — the person ticked "Tôi hiểu và muốn xóa" (or made the second tap of an
 * inline delete); "nothing-attached" — they were shown that nothing else goes with it and pressed "Xóa", which
 * holds only while that is still true; `false` — not at all.
 */
export type DeleteConfirmation = boolean | "nothing-attached";

/** The confirmation a form carries in its "confirm" field ("yes" or "nothing-attached"). */
export function deleteConfirmationFrom(value: FormDataEntryValue | null): DeleteConfirmation {
  return value === "yes" ? true : value === "nothing-attached" ? "nothing-attached" : false;
}

/**
 * Every delete carries an explicit confirmation. A request without it deletes nothing: a stray POST, a
 * replayed form or a script must not take an activity's marks with it. A page that said "nothing goes with
 * it" confirms only while nothing does: a budget line a colleague added meanwhile asks again.
 */
export function requireDeleteConfirmation(confirmation: DeleteConfirmation, othersGoToo = false): void {
  if (confirmation === true) return;
  if (confirmation === "nothing-attached" && !othersGoToo) return;
  if (confirmation === "nothing-attached")
    throw new DomainError(
      "Trong lúc bạn xem, mục này đã có thêm dữ liệu kèm theo. Hãy xem lại danh sách dưới đây và đánh dấu ô xác nhận.",
      "confirm",
    );
  throw new DomainError("Hãy đánh dấu ô xác nhận trước khi xóa.", "confirm");
}
