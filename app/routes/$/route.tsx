import { notFound } from "~/lib/auth.server";
export { RouteErrorBoundary as ErrorBoundary } from "~/components/route-error";

/** Any unknown address: 404 inside the shell. */
export async function loader() {
  notFound();
}

export async function action() {
  notFound();
}

export default function NotFound() {
  return null;
}
