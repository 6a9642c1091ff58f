import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** Whether the page runs in the browser with its JavaScript (false in the server's render and the first paint). */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
