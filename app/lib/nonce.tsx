import { createContext, useContext } from "react";

/** The CSP nonce, provided on the server; the browser hides it after load, so the client sees "". */
export const NonceContext = createContext<string>("");
export const useNonce = () => useContext(NonceContext);
