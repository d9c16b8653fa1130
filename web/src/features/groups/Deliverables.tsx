import { ActionIcon, Anchor, Badge, Button, FileInput, Group, Select, Stack, Text, TextInput } from "@mantine/core";
import { IconDownload, IconFileUpload, IconTrash } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { API_BASE } from "../../api/client";
import { useFormat } from "../../lib/format";
import { Section } from "../../ui/Section";
import { useCluster } from "../auth/cluster";
import { errorText, notifyError, notifySuccess } from "../members/notify";
import { type DeliverableKind, type GroupDetail, useGroupMutations } from "./api";

const KINDS: DeliverableKind[] = ["deliverable", "template", "other"];
const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} o`
    : bytes < 1024 * 1024
      ? `${Math.round(bytes / 1024)} Ko`
      : `${(bytes / 1048576).toFixed(1)} Mo`;

export function Deliverables({ group }: { group: GroupDetail }) {
  const { t } = useTranslation();
  const cluster = useCluster();
  const format = useFormat();
  const mutations = useGroupMutations(group.id);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<DeliverableKind>("deliverable");
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    mutations.upload.mutate(
      { file, title, kind },
      {
        onSuccess: () => {
          notifySuccess(t("groups.deliverables.shared"));
          setFile(null);
          setTitle("");
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };
  return (
    <Section title={t("groups.sections.deliverables")} testId="section-deliverables">
      <Text size="xs" c="dimmed" mb="xs">
        {t("groups.deliverables.note")}
      </Text>
      {group.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t("groups.deliverables.none")}
        </Text>
      ) : (
        <Stack gap={6}>
          {group.documents.map((doc) => (
            <Group key={doc.id} justify="space-between" wrap="nowrap" data-testid="deliverable-row">
              <div style={{ minWidth: 0 }}>
                <Group gap={6}>
                  <Anchor
                    href={`${API_BASE}${cluster.apiPath(`groups/${group.id}/documents/${doc.id}`)}`}
                    download={doc.fileName}
                    size="sm"
                    fw={600}
                    aria-label={t("groups.deliverables.download", { title: doc.title })}
                    data-testid="deliverable-download"
                  >
                    <IconDownload size={14} style={{ verticalAlign: "-2px", marginRight: 4 }} />
                    {doc.title}
                  </Anchor>
                  <Badge size="xs" variant="light" color={doc.kind === "template" ? "violet" : "blue"}>
                    {t(
                      `groups.deliverables.kinds.${(KINDS as string[]).includes(doc.kind) ? doc.kind : "other"}` as never,
                    )}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {doc.fileName} · {size(doc.sizeBytes)} · {doc.uploadedBy} · {format.date(doc.createdAt)}
                </Text>
              </div>
              {group.canEditPlan && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t("groups.deliverables.delete", { title: doc.title })}
                  onClick={() => mutations.deleteDocument.mutate(doc.id, { onError: notifyError })}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
      {group.canEditPlan && (
        <form onSubmit={submit}>
          <Stack gap="xs" mt="md">
            <Text size="sm" fw={600}>
              {t("groups.deliverables.upload")}
            </Text>
            <Group gap="xs" align="flex-end" wrap="wrap">
              <FileInput
                label={t("groups.deliverables.file")}
                value={file}
                onChange={setFile}
                clearable
                w={240}
                leftSection={<IconFileUpload size={16} />}
                error={error}
                data-testid="deliverable-file"
              />
              <TextInput
                label={t("groups.deliverables.title")}
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                w={220}
                data-testid="deliverable-title"
              />
              <Select
                label={t("groups.deliverables.kind")}
                data={KINDS.map((k) => ({ value: k, label: t(`groups.deliverables.kinds.${k}`) }))}
                value={kind}
                onChange={(value) => value && setKind(value as DeliverableKind)}
                allowDeselect={false}
                w={140}
              />
              <Button
                type="submit"
                disabled={!file}
                loading={mutations.upload.isPending}
                data-testid="deliverable-send"
              >
                {t("groups.deliverables.send")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  );
}
