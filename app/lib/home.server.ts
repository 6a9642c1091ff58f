/** The server module of the home page and the health check: its routes reach the domain through here (decision 021). */
export { communeOverview, schoolSummary } from "~/domain/units/overview";
export { getUnit } from "~/domain/units/units";
