/** The server module of a unit's page: its routes reach the domain through here (decision 021). */
export { storageUse } from "~/domain/files/lifecycle";
export { setQuota } from "~/domain/materials/materials";
export { getHeadcounts, getUnit, saveHeadcounts } from "~/domain/units/units";
