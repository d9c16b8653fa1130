import { SegmentedControl } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Locale } from "../api/types";
import { useSetLocale } from "../features/auth/session";
import { currentLocale } from "../i18n";

export function LanguageSwitch() {
  const { t } = useTranslation();
  const setLocale = useSetLocale();
  return (
    <SegmentedControl
      size="xs"
      value={currentLocale()}
      onChange={(value) => void setLocale(value as Locale)}
      data={[
        { value: "fr", label: "FR" },
        { value: "en", label: "EN" },
      ]}
      aria-label={t("nav.language")}
      data-testid="lang-switch"
    />
  );
}
