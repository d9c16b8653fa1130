import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, api } from "../../api/client";
import { ME_KEY } from "../../api/queryClient";
import type { Locale, Me } from "../../api/types";
import { storeLocale } from "../../i18n";

/** The signed-in user and their clusters, or null when signed out. */
export function useMe() {
  return useQuery<Me | null>({
    queryKey: ME_KEY,
    queryFn: async () => {
      try {
        return await api.get<Me>("/me");
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post("/auth/sign-in/email", input),
    onSuccess: async () => {
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      await client.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post("/auth/sign-out", {}),
    onSettled: () => {
      client.clear();
      client.setQueryData(ME_KEY, null);
    },
  });
}

/** Switches the interface language: kept in localStorage and, when signed in, on the account. */
export function useSetLocale() {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      storeLocale(locale);
      await i18n.changeLanguage(locale);
      const me = client.getQueryData<Me | null>(ME_KEY);
      if (me) {
        try {
          await api.put("/me/locale", { locale });
          const next: Me = { ...me, user: { ...me.user, locale } };
          client.setQueryData<Me | null>(ME_KEY, () => next);
        } catch {
          // The local choice still applies; the account keeps its previous language.
        }
        // Trade and facet labels come from the server in the account's language.
        await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      }
    },
    [i18n, client],
  );
}
