import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ComputedAt, PublicFigureTables } from "~/components/public-progress";
import type { PageHandle } from "~/components/shell";
import { titled } from "~/lib/meta";
import { publicProgressView } from "~/lib/public.server";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

/** The progress table alone, for the commune website to frame (server/security.ts lets any site frame this path). */
export const handle: PageHandle = { title: "Tiến độ thực hiện Kế hoạch NQ57", bare: true };
export const meta = titled(handle.title);

export async function loader({ request }: LoaderFunctionArgs) {
  const { progress } = await publicProgressView(request);
  return { progress, query: `?commune=${progress.commune.id}&period=${progress.period.key}` };
}

export default function PublicProgressEmbed() {
  const { progress, query } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="embed-title">
        Tiến độ Kế hoạch NQ57 – {progress.commune.name}, {progress.period.label.toLowerCase()}
      </h1>
      <ComputedAt at={progress.computedAt} />
      <PublicFigureTables progress={progress} />
      <p>
        <a href={`/public/progress${query}`} target="_blank" rel="noopener">
          Xem đầy đủ, biểu đồ và các kỳ khác
        </a>
      </p>
    </>
  );
}
