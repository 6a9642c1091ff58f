import type { LoaderFunctionArgs } from "@remix-run/node";
import { feedCacheControl, publicOrigin } from "~/lib/links.server";
import { PUBLIC_PROGRESS_MAX_AGE_SECONDS, publicProgressFeed, publicProgressView } from "~/lib/public.server";

/** RSS of the commune's progress against the plan's targets (figures only), for the commune website. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { progress } = await publicProgressView(request);
  return new Response(publicProgressFeed(progress, publicOrigin(request)), {
    headers: {
      "Content-Type": "application/rss+xml; charset=utf-8",
      "Cache-Control": feedCacheControl(PUBLIC_PROGRESS_MAX_AGE_SECONDS),
    },
  });
}
