/**
 * Issue #16: migrations are frozen. A migration imports nothing from app/ (today's code could otherwise change what
 * an old migration does on a fresh database). 0010, which once called the app's rebuild of the reach aggregate, does
 * the same with its own copy (0004 copies the two-line name key it used, unchanged since).
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rebuildReach } from "../../app/domain/reach/reach-aggregate";
import * as m0010 from "../../db/migrations/0010_reach_quarters";
import { createTestDb, type TestDb } from "../support/db";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb({ demo: true });
});
afterEach(() => t.close());

describe("frozen migrations", () => {
  it("import nothing from app/", () => {
    const dir = path.resolve("db/migrations");
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
      const imports = [...fs.readFileSync(path.join(dir, file), "utf8").matchAll(/^import[^;]*from\s+"([^"]+)"/gm)].map(
        (m) => m[1],
      );
      expect(
        imports.filter((i) => i.includes("app/")),
        file,
      ).toEqual([]);
    }
  });

  it("0010 fills the reach aggregate exactly as the app's rebuild does", async () => {
    const rows = () =>
      t.db.selectFrom("reach_quarters").selectAll().orderBy(["person_id", "quarter", "topic_code", "form"]).execute();
    await rebuildReach(t.db);
    const expected = await rows();
    expect(expected.length).toBeGreaterThan(100);
    await t.db.schema.dropTable("reach_quarters").execute();
    await m0010.up(t.db);
    expect(await rows()).toEqual(expected);
  });
});
