/** The server module of a unit's page: its routes reach the domain through here (decision 021). */
export { storageUse } from "~/domain/files/lifecycle";
export { setQuota } from "~/domain/materials/materials";
export { getHeadcounts, getUnit, saveDocumentSettings, saveHeadcounts } from "~/domain/units/units";
export { documentDefaults } from "~/domain/reports/document-content";
