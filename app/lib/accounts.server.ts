/** The server module of a person's own account (password, set-up link): its routes reach the domain through here (decision 021). */
export { changeOwnPassword, findLink, redeemLink } from "~/domain/accounts/accounts";
export { createSession } from "~/domain/auth/sessions";
