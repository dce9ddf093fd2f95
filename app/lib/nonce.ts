import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response, given by the server's entry. Pages read
 * it from here rather than from the root loader's data, which an error page (a 404 for an
 * address no route knows) may not have: its scripts would then be refused by the policy.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
