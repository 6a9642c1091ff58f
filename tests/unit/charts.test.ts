import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { percentAxisFrom, TrendChart } from "../../app/components/charts";

describe("where a percentage axis starts (issue 20)", () => {
  it("at 0 for low values or no difference; just below close high values so they differ", () => {
    expect(percentAxisFrom([40, 90, 100])).toBe(0);
    expect(percentAxisFrom([100, 100, 100])).toBe(0);
    expect(percentAxisFrom([null, null])).toBe(0);
    expect(percentAxisFrom([99.2, 99.8, 99.3, 100])).toBe(98);
    expect(percentAxisFrom([76.3, 88.1, 100])).toBe(70);
  });
});

describe("the half-year trend at a phone's width (issue 20)", () => {
  const render = (current: string | null) =>
    renderToStaticMarkup(
      createElement(TrendChart, {
        title: "Xu hướng",
        series: [
          { code: "A", name: "Tỷ lệ A" },
          { code: "B", name: "Tỷ lệ B" },
        ],
        points: [
          { period: "6T đầu 2026", A: 99.2, B: 99.5 },
          { period: "6T cuối 2026", A: 99.8, B: null },
        ],
        current,
        asOf: "06/12/2026",
      }),
    );

  it("draws at 360 px with text of at least 12 px, the half-year's name on two lines", () => {
    const html = render(null);
    expect(html).toContain('width="360"');
    const sizes = [...html.matchAll(/font-size="(\d+)"/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    expect(html).toMatch(/<tspan[^>]*>6T cuối<\/tspan><tspan[^>]*>2026<\/tspan>/);
    // Close high values: the axis starts below them, and says so.
    expect(html).toContain("Trục dọc bắt đầu từ 98 %");
    expect(html).not.toContain("đến nay");
  });

  it("draws the half-year in progress as such: hollow points, '(đến nay)', a note and the table's words", () => {
    const html = render("6T cuối 2026");
    expect(html).toContain("(đến nay)");
    expect(html).toContain("Kỳ 6T cuối 2026 đang diễn ra: số liệu tính đến 06/12/2026");
    expect(html).toContain("6T cuối 2026 (đang diễn ra, đến 06/12/2026)");
    // One hollow point: series B has no figure yet in the current half.
    expect(html.match(/<circle[^>]*fill="#fff"/g)).toHaveLength(1);
  });
});
