/**
 * The policy layer (decision 003): one module per resource answers "may this actor do this to this record", on
 * top of the role table in ../permissions.ts. Domain functions that change records ask it themselves; route
 * guards call the same functions and hold no rule of their own. Refusals are typed (refusals.ts).
 */
export * from "./accounts";
export * from "./activities";
export * from "./attendance";
export * from "./clubs";
export * from "./contests";
export * from "./indicators";
export * from "./materials";
export * from "./navigation";
export * from "./people";
export * from "./refusals";
export * from "./reports";
export * from "./units";
