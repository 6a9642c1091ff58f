import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CopyButton } from "~/components/copy-button";
import { FilterBar, FilterSelect, UnitSelect } from "~/components/filters";
import { ComputedAt, PublicFigureTables, PublicTrends } from "~/components/public-progress";
import { PageHeader } from "~/components/shell";
import { periodChoices } from "~/domain/shared/periods";
import { publicOrigin } from "~/lib/links.server";
import { titled } from "~/lib/meta";
import { publicProgressView } from "~/lib/public.server";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

export const meta = titled("Tiến độ thực hiện Kế hoạch NQ57", {
  tagName: "link",
  rel: "alternate",
  type: "application/rss+xml",
  title: "Tiến độ thực hiện Kế hoạch",
  href: "/public/progress.xml",
});

/** The commune's progress against the plan's targets, for everyone (no login): figures only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { progress, communes } = await publicProgressView(request);
  const query = `?commune=${progress.commune.id}&period=${progress.period.key}`;
  return { progress, communes, periods: periodChoices(), query, origin: publicOrigin(request) };
}

export default function PublicProgressPage() {
  const { progress, communes, periods, query, origin } = useLoaderData<typeof loader>();
  const attr = (text: string) =>
    text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const embed = `<iframe src="${attr(`${origin}/public/progress/embed${query}`)}" title="${attr(`Tiến độ Kế hoạch NQ57 – ${progress.commune.name}`)}" width="100%" height="900" style="border:0"></iframe>`;
  return (
    <>
      <PageHeader
        title={`Tiến độ thực hiện Kế hoạch NQ57: ${progress.commune.name}`}
        subtitle={`Kết quả thực hiện Kế hoạch tuyên truyền Nghị quyết 57-NQ/TW về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số, ${progress.period.label.toLowerCase()}, so với chỉ tiêu của Kế hoạch.`}
        actions={<a href={`/public/progress.xml${query}`}>Nhận tin mới (RSS)</a>}
      />
      <FilterBar label="Chọn kỳ" button="Xem">
        <FilterSelect
          name="period"
          label="Kỳ"
          value={progress.period.key}
          options={periods.map((p) => ({ value: p.key, label: p.label }))}
        />
        {communes.length > 1 ? (
          <UnitSelect name="commune" label="Xã" value={progress.commune.id} units={communes} />
        ) : null}
      </FilterBar>
      <ComputedAt at={progress.computedAt} />
      <PublicFigureTables progress={progress} />
      <PublicTrends progress={progress} />
      <section aria-labelledby="embed">
        <h2 id="embed">Đưa lên trang thông tin điện tử của xã</h2>
        <p>
          Dán đoạn mã dưới đây vào trang web của xã để hiện bảng tiến độ này (tự cập nhật), hoặc đặt liên kết đến trang
          này.
        </p>
        <pre className="code-snippet">{embed}</pre>
        <CopyButton text={embed} label="Sao chép mã nhúng" />
      </section>
    </>
  );
}
