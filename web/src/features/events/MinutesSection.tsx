import {
  ActionIcon,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from "@mantine/core";
import { IconDownload, IconFile, IconPencil, IconTrash, IconUpload } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { useFormat } from "../../lib/format";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { notifyError, notifySuccess } from "../members/notify";
import { useDocumentUrl, useOccurrenceMutations } from "./api";
import classes from "./events.module.css";
import type { DocumentKind, OccurrenceDetail } from "./types";

const MAX_BYTES = 10 * 1024 * 1024;

function formatBytes(bytes: number, locale: string) {
  const units = ["o", "Ko", "Mo"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}

function MinutesEditor({ occurrence, onDone }: { occurrence: OccurrenceDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const { update } = useOccurrenceMutations(occurrence.id);
  const [minutes, setMinutes] = useState(occurrence.minutes ?? "");
  const [results, setResults] = useState(occurrence.results ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = () =>
    update.mutate(
      { minutes: minutes.trim() || null, results: results.trim() || null },
      {
        onSuccess: () => {
          notifySuccess(t("events.minutes.saved"));
          onDone();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length)
            setErrors(Object.fromEntries(error.fields.map((f) => [f.field, f.message])));
          else notifyError(error);
        },
      },
    );
  return (
    <Stack gap="sm">
      <Textarea
        label={t("events.minutes.minutes")}
        autosize
        minRows={4}
        maxRows={20}
        value={minutes}
        onChange={(event) => setMinutes(event.currentTarget.value)}
        error={errors.minutes}
        data-testid="minutes-text"
      />
      <Textarea
        label={t("events.minutes.results")}
        autosize
        minRows={3}
        maxRows={20}
        value={results}
        onChange={(event) => setResults(event.currentTarget.value)}
        error={errors.results}
        data-testid="results-text"
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t("common.cancel")}
        </Button>
        <Button onClick={save} loading={update.isPending} data-testid="minutes-save">
          {t("events.minutes.save")}
        </Button>
      </Group>
    </Stack>
  );
}

function UploadForm({ occurrenceId }: { occurrenceId: string }) {
  const { t } = useTranslation();
  const { upload } = useOccurrenceMutations(occurrenceId);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<DocumentKind>("minutes");
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setError(t("events.minutes.tooBig"));
      return;
    }
    upload.mutate(
      { file, title: title.trim() || file.name, kind },
      {
        onSuccess: () => {
          notifySuccess(t("events.minutes.uploaded"));
          setFile(null);
          setTitle("");
          setError(null);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fields.length) setError(err.fields.map((f) => f.message).join(" ; "));
          else notifyError(err);
        },
      },
    );
  };
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <FileInput
          label={t("events.minutes.file")}
          placeholder={t("events.minutes.filePlaceholder")}
          value={file}
          onChange={(next) => {
            setFile(next);
            setError(next && next.size > MAX_BYTES ? t("events.minutes.tooBig") : null);
            if (next && !title) setTitle(next.name.replace(/\.[^.]+$/, ""));
          }}
          error={error}
          clearable
          leftSection={<IconFile size={14} />}
          data-testid="document-file"
        />
        <TextInput
          label={t("events.minutes.docTitle")}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          data-testid="document-title"
        />
        <Select
          label={t("events.minutes.docKind")}
          value={kind}
          onChange={(value) => setKind((value as DocumentKind) ?? "other")}
          data={(["minutes", "results", "other"] as const).map((k) => ({
            value: k,
            label: t(`events.minutes.kinds.${k}`),
          }))}
        />
      </SimpleGrid>
      <Group justify="flex-end" mt="sm">
        <Button
          size="xs"
          leftSection={<IconUpload size={14} />}
          disabled={!file}
          loading={upload.isPending}
          onClick={submit}
          data-testid="document-upload"
        >
          {t("events.minutes.upload")}
        </Button>
      </Group>
    </Paper>
  );
}

/** Minutes and results of the date (staff write them) and its documents (staff upload, everyone downloads). */
export function MinutesSection({ occurrence }: { occurrence: OccurrenceDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const format = useFormat();
  const documentUrl = useDocumentUrl(occurrence.id);
  const { removeDocument } = useOccurrenceMutations(occurrence.id);
  const [editing, setEditing] = useState(false);
  const empty = !occurrence.minutes && !occurrence.results && occurrence.documents.length === 0;
  if (empty && !cluster.isStaff) return null;

  return (
    <Section
      title={t("events.occurrence.sections.minutes")}
      testId="minutes-section"
      action={
        cluster.isStaff &&
        !editing && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconPencil size={14} />}
            onClick={() => setEditing(true)}
            data-testid="minutes-edit"
          >
            {t("events.minutes.edit")}
          </Button>
        )
      }
    >
      <Stack gap="md">
        {editing ? (
          <MinutesEditor occurrence={occurrence} onDone={() => setEditing(false)} />
        ) : occurrence.minutes || occurrence.results ? (
          <>
            {occurrence.minutes && (
              <div>
                <Text size="xs" c="dimmed" fw={500}>
                  {t("events.minutes.minutes")}
                </Text>
                <Text size="sm" className={classes.prose} data-testid="minutes-view">
                  {occurrence.minutes}
                </Text>
              </div>
            )}
            {occurrence.results && (
              <div>
                <Text size="xs" c="dimmed" fw={500}>
                  {t("events.minutes.results")}
                </Text>
                <Text size="sm" className={classes.prose} data-testid="results-view">
                  {occurrence.results}
                </Text>
              </div>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t("events.minutes.empty")}
          </Text>
        )}
        <div>
          <Text size="xs" c="dimmed" fw={500} mb={4}>
            {t("events.minutes.documents")}
          </Text>
          {occurrence.documents.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t("events.minutes.noDocuments")}
            </Text>
          ) : (
            <Stack gap={4} data-testid="documents-list">
              {occurrence.documents.map((doc) => (
                <Group key={doc.id} gap="xs" wrap="nowrap" data-testid="document-row">
                  <IconFile size={16} color="var(--mantine-color-dimmed)" />
                  <Anchor href={documentUrl(doc.id)} size="sm" download={doc.fileName} style={{ minWidth: 0 }} truncate>
                    {doc.title}
                  </Anchor>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
                    {t(`events.minutes.kinds.${doc.kind}`, { defaultValue: doc.kind })} ·{" "}
                    {formatBytes(doc.sizeBytes, format.locale)} · {format.date(doc.createdAt)}
                  </Text>
                  <Tooltip label={doc.fileName}>
                    <ActionIcon
                      component="a"
                      href={documentUrl(doc.id)}
                      download={doc.fileName}
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`${doc.fileName}`}
                    >
                      <IconDownload size={14} />
                    </ActionIcon>
                  </Tooltip>
                  {cluster.isStaff && (
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      aria-label={t("events.minutes.remove")}
                      loading={removeDocument.isPending && removeDocument.variables === doc.id}
                      onClick={() =>
                        removeDocument.mutate(doc.id, {
                          onSuccess: () => notifySuccess(t("events.minutes.removed")),
                          onError: notifyError,
                        })
                      }
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  )}
                </Group>
              ))}
            </Stack>
          )}
        </div>
        {cluster.isStaff && <UploadForm occurrenceId={occurrence.id} />}
      </Stack>
    </Section>
  );
}
