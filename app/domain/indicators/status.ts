/** Where an indicator stands against its target. */
export type IndicatorStatus = "met" | "behind" | "no_data" | "no_target";
