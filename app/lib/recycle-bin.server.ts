/** The server module of the recycle bin: its routes reach the domain through here (decision 021). */
export { binFor, purgeFromBin, restoreFromBin } from "~/domain/recycle-bin/restore";
