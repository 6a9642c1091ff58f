import type { Migration } from "kysely/migration";
import * as m0001 from "./0001_foundation";
import * as m0002 from "./0002_school_records";
import * as m0003 from "./0003_vocabularies";
import * as m0004 from "./0004_name_keys";
import * as m0005 from "./0005_attendance";
import * as m0006 from "./0006_materials";
import * as m0007 from "./0007_indicators";
import * as m0008 from "./0008_indicator_definitions";
import * as m0009 from "./0009_club_closing_dates";
import * as m0010 from "./0010_reach_quarters";
import * as m0011 from "./0011_file_lifecycle_and_bin";
import * as m0012 from "./0012_report_periods";
import * as m0013 from "./0013_login_known_addresses";
import * as m0014 from "./0014_stored_file_claims";
import * as m0015 from "./0015_plan_readings";
import * as m0016 from "./0016_posts";
import * as m0017 from "./0017_events_outside";
import * as m0018 from "./0018_budget_plans";
import * as m0019 from "./0019_unit_documents";
import * as m0020 from "./0020_notifications";
import * as m0021 from "./0021_homeroom_classes";
import * as m0022 from "./0022_material_keywords";
import * as m0023 from "./0023_people_account_once";

/** Every migration, in order. Listed statically so the bundled server and the scripts share one list. */
export const migrations: Record<string, Migration> = {
  "0001_foundation": m0001,
  "0002_school_records": m0002,
  "0003_vocabularies": m0003,
  "0004_name_keys": m0004,
  "0005_attendance": m0005,
  "0006_materials": m0006,
  "0007_indicators": m0007,
  "0008_indicator_definitions": m0008,
  "0009_club_closing_dates": m0009,
  "0010_reach_quarters": m0010,
  "0011_file_lifecycle_and_bin": m0011,
  "0012_report_periods": m0012,
  "0013_login_known_addresses": m0013,
  "0014_stored_file_claims": m0014,
  "0015_plan_readings": m0015,
  "0016_posts": m0016,
  "0017_events_outside": m0017,
  "0018_budget_plans": m0018,
  "0019_unit_documents": m0019,
  "0020_notifications": m0020,
  "0021_homeroom_classes": m0021,
  "0022_material_keywords": m0022,
  "0023_people_account_once": m0023,
};
