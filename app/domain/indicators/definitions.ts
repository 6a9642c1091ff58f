/**
 * How an indicator row says it is computed (the `definition` JSON of table `indicators`): a numerator and, for
 * percentages, a denominator, each a measure — a count over records with filters (topic, form, audience,
 * delivery, people's categories) or an entered figure. Read by `measure.ts`; edited only by migrations.
 */
import { z } from "zod";

const codes = z.array(z.string()).optional();
const categories = z.array(
  z.enum(["officials", "school_managers", "teachers", "school_staff", "students", "communication_staff"]),
);

const leaf = z.discriminatedUnion("kind", [
  /**
   * Distinct people of the units and categories present (or late) at ≥1 counted activity on one of the topics
   * (each with its sub-topics), optionally of some forms. Over a headcount, at most the headcount per unit and
   * category is counted (reached.ts).
   */
  z.object({ kind: z.literal("reached"), topics: z.array(z.string()).min(1), categories, forms: codes }),
  /**
   * Sum of the units' headcounts of the period's year for the categories; with `ofUnitsEntering`, only of the
   * units that entered that figure for the period (a share of an entered figure is over the units that entered).
   */
  z.object({ kind: z.literal("headcount"), categories, ofUnitsEntering: z.string().optional() }),
  /**
   * Counted activities organized by the units, with optional filters (all given filters apply); `unitKinds` keeps
   * the units of those kinds (COM-1.1: the commune's and its offices' posts, not the schools').
   */
  z.object({
    kind: z.literal("activities"),
    unitKinds: z.array(z.enum(["commune", "office", "school", "hamlet"])).optional(),
    forms: codes,
    excludeForms: codes,
    topics: codes,
    audiences: codes,
    delivery: z.array(z.enum(["in_person", "online", "hybrid"])).optional(),
  }),
  /** How many different forms / topics / audiences the units' counted activities used. */
  z.object({
    kind: z.literal("distinct_terms"),
    of: z.enum(["form", "topic", "audience"]),
    topics: codes,
    forms: codes,
  }),
  /** Materials the schools published in the period, optionally of some kinds or integrating the topics. */
  z.object({
    kind: z.literal("materials"),
    kinds: z
      .array(z.enum(["video", "podcast", "slides", "infographic", "electure", "document", "lesson_plan"]))
      .optional(),
    integrating: z.boolean().optional(),
  }),
  /** People of the units sent to trainings and contests held outside the commune, person × event (sent.ts). */
  z.object({ kind: z.literal("sent"), categories }),
  /** Schools' contest entries (contests ending in the period), students taking part, or entries awarded a prize. */
  z.object({ kind: z.literal("contests"), field: z.enum(["entries", "students", "awarded"]) }),
  /** Clubs of the schools running in the period. */
  z.object({ kind: z.literal("clubs") }),
  /** (unit, day) pairs where the unit organized or co-organized an activity for a commemoration day in the period… */
  z.object({ kind: z.literal("commemoration_days") }),
  /** …over the units × commemoration days falling in the period. */
  z.object({ kind: z.literal("commemoration_days_due") }),
  /** Schools' and offices' half-year reports submitted by the deadline (10/6, 10/12), of the half-years due… */
  z.object({ kind: z.literal("reports_on_time") }),
  /** …and how many were due. */
  z.object({ kind: z.literal("reports_due") }),
  /** The units' yearly budget estimates by line for the period's year, summed (clause V.1, budget/plans.ts). */
  z.object({ kind: z.literal("budget_plan") }),
  /** Budget of the units' activities in the period: actual spending or estimate (see budget.ts). */
  z.object({ kind: z.literal("budget"), field: z.enum(["estimate", "actual"]) }),
  /** A figure entered by hand per unit and period (see entered.ts). */
  z.object({ kind: z.literal("entered"), measure: z.string() }),
]);

export type LeafMeasure = z.infer<typeof leaf>;
export type Measure = LeafMeasure | { kind: "sum"; of: LeafMeasure[] };

export const measureSchema: z.ZodType<Measure> = z.union([
  leaf,
  z.object({ kind: z.literal("sum"), of: z.array(leaf).min(1) }),
]);

export const definitionSchema = z.object({
  numerator: measureSchema,
  denominator: measureSchema.optional(),
  /** Yearly count targets are pro-rated to shorter periods (a half-year needs half, rounded up). */
  prorate: z.boolean().optional(),
  /** The commune's figure also counts its hamlets (their grassroots-information staff, NQ57-30c). */
  includeHamlets: z.boolean().optional(),
});

export type IndicatorDefinition = z.infer<typeof definitionSchema>;

export function parseDefinition(code: string, json: string): IndicatorDefinition {
  const parsed = definitionSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new Error(`Indicator ${code}: invalid definition (${parsed.error.issues[0]?.message})`);
  return parsed.data;
}
