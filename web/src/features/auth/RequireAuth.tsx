import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { api } from "../../api/client";
import { ME_KEY } from "../../api/queryClient";
import type { Me } from "../../api/types";
import { storedLocale } from "../../i18n";
import { ErrorDisplay } from "../../ui/ErrorDisplay";
import { FullPageLoader } from "../../ui/FullPageLoader";
import { useMe } from "./session";

/** Routes below need a signed-in user; the login page comes back to where the user was going. */
export function RequireAuth() {
  const me = useMe();
  const location = useLocation();
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const accountLocale = me.data?.user.locale;

  useEffect(() => {
    if (!accountLocale) return;
    const chosen = storedLocale();
    if (!chosen) {
      // The account's language applies on a browser that has no choice of its own yet.
      if (accountLocale === "fr" || accountLocale === "en") void i18n.changeLanguage(accountLocale);
    } else if (chosen !== accountLocale) {
      // A language chosen before signing in goes to the account, which labels trades and facets with it.
      void api.put("/me/locale", { locale: chosen }).then(() => {
        client.setQueryData<Me | null>(ME_KEY, (current) =>
          current ? { ...current, user: { ...current.user, locale: chosen } } : current,
        );
        void client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      });
    }
  }, [accountLocale, i18n, client]);

  if (me.isPending) return <FullPageLoader />;
  if (me.isError) return <ErrorDisplay error={me.error} onRetry={() => me.refetch()} fullPage />;
  if (!me.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === "/" ? "/login" : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** "/" goes to the first cluster of the user. */
export function HomeRedirect() {
  const me = useMe();
  const first = me.data?.clusters[0];
  if (!first) return <NoCluster />;
  return <Navigate to={`/c/${encodeURIComponent(first.slug)}`} replace />;
}

function NoCluster() {
  const { t } = useTranslation();
  return <ErrorDisplay title={t("errors.noClusterTitle")} message={t("errors.noCluster")} fullPage />;
}
