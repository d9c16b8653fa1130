import { Button, Group, Stack, Text, Textarea } from "@mantine/core";
import { IconCheck, IconDeviceFloppy } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../lib/format";
import { errorText } from "../members/notify";
import { type Narrative, type ReportParams, type ReportSection, useSaveNarrative } from "./api";

/**
 * The staff's text for one section: a textarea and a save button. The report in the cache takes the text at
 * once; a refusal puts the previous text back and says why, the draft staying in the box.
 */
export function NarrativeEditor({
  section,
  narrative,
  params,
  canEdit,
}: {
  section: ReportSection;
  narrative: Narrative | null;
  params: ReportParams;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveNarrative(params);
  const saved = narrative?.body ?? "";
  // Mounted per year and funder (the page keys it), so the draft starts from that report's text.
  const [draft, setDraft] = useState(saved);
  const dirty = draft !== saved;
  const testId = `narrative-${section}`;

  if (!canEdit)
    return saved ? (
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }} data-testid={testId}>
        {saved}
      </Text>
    ) : null;

  return (
    <Stack gap={6} data-testid={testId}>
      <Textarea
        label={t("reports.narrative.label")}
        placeholder={t("reports.narrative.placeholder")}
        autosize
        minRows={2}
        maxRows={14}
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        error={save.isError ? t("reports.narrative.failed", { message: errorText(save.error) }) : undefined}
        data-testid="narrative-text"
      />
      <Group justify="space-between" gap="xs">
        <Text
          size="xs"
          c={dirty ? "orange.8" : "dimmed"}
          data-testid="narrative-status"
          data-state={dirty ? "dirty" : save.isPending ? "saving" : "saved"}
        >
          {dirty
            ? t("reports.narrative.unsaved")
            : save.isPending
              ? t("reports.narrative.saving")
              : narrative
                ? t("reports.narrative.savedBy", {
                    name: narrative.updatedBy,
                    date: format.dateTime(narrative.updatedAt),
                  })
                : ""}
        </Text>
        <Button
          size="xs"
          variant={dirty ? "filled" : "default"}
          disabled={!dirty}
          leftSection={save.isSuccess && !dirty ? <IconCheck size={14} /> : <IconDeviceFloppy size={14} />}
          onClick={() => save.mutate({ section, body: draft })}
          data-testid="narrative-save"
        >
          {!dirty && save.isSuccess ? t("reports.narrative.saved") : t("reports.narrative.save")}
        </Button>
      </Group>
    </Stack>
  );
}
