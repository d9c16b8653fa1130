import { Stack, Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../ui/PageHeader";
import { ProgrammesTab } from "./ProgrammesTab";
import { SupportCasesTab } from "./SupportCasesTab";

/** Programmes and their enrolments, and support cases on funding applications; the tab is kept in the URL. */
export default function ProgrammesPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "cases" ? "cases" : "programmes";
  const set = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  return (
    <Stack gap={0}>
      <PageHeader title={t("programmes.title")} subtitle={t("programmes.subtitle")} />
      <Tabs value={tab} onChange={(value) => set("tab", value === "cases" ? "cases" : null)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="programmes" data-testid="tab-programmes">
            {t("programmes.tabs.programmes")}
          </Tabs.Tab>
          <Tabs.Tab value="cases" data-testid="tab-cases">
            {t("programmes.tabs.cases")}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="programmes">
          <ProgrammesTab selected={params.get("programme")} onSelect={(id) => set("programme", id)} />
        </Tabs.Panel>
        <Tabs.Panel value="cases">
          <SupportCasesTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
