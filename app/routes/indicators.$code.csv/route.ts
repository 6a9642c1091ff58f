import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordTableDownload } from "~/lib/indicators.server";

/** One table of the records behind a figure, as CSV (same viewer rules as the page). */
export function loader({ request, context, params }: LoaderFunctionArgs) {
  return recordTableDownload(request, context, params.code, "csv");
}
