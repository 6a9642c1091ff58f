/**
 * Refusals answer as decision 003 says: a record outside the actor's reach answers 404 (its existence is private);
 * one inside it that the role may not touch answers 403. An `AccessDenied` is a web-standard `Response`, so a
 * loader or action that meets one — thrown by a route's guard or by a domain function deep down — answers with
 * its status and message without any mapping of its own (and a catch of `DomainError` lets it through).
 */
export const NOT_FOUND_MESSAGE = "Không tìm thấy trang hoặc dữ liệu bạn yêu cầu.";
export const FORBIDDEN_MESSAGE = "Bạn không có quyền thực hiện thao tác này.";

export class AccessDenied extends Response {
  /** The message shown (and what a test matches). */
  readonly message: string;
  constructor(status: 403 | 404, message: string) {
    super(JSON.stringify({ message }), { status, headers: { "Content-Type": "application/json; charset=utf-8" } });
    this.message = message;
  }
}

/** Refuses: 403 with the message when the actor can see the record (`visible`), else 404 as if it did not exist. */
export function refuse(visible: boolean, message = FORBIDDEN_MESSAGE): never {
  throw visible ? new AccessDenied(403, message) : new AccessDenied(404, NOT_FOUND_MESSAGE);
}

export function isAccessDenied(e: unknown): e is AccessDenied {
  return e instanceof AccessDenied;
}
