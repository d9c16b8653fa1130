import { Alert, Group, Loader, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconFileSpreadsheet } from "@tabler/icons-react";
import { type DragEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";

const ACCEPT = ".xlsx,.csv,.txt,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";
const ALLOWED = /\.(xlsx|csv|txt)$/i;

interface Props {
  onFile: (file: File) => void;
  loading: boolean;
  error: string | null;
}

/** Step 1: choose or drop a .xlsx / .csv file. A real <input type="file">, styled as a drop area. */
export function FileStep({ onFile, loading, error }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [active, setActive] = useState(false);
  const [wrongType, setWrongType] = useState(false);

  const take = (file: File | undefined) => {
    if (!file) return;
    if (!ALLOWED.test(file.name)) {
      setWrongType(true);
      return;
    }
    setWrongType(false);
    onFile(file);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setActive(false);
    take(event.dataTransfer.files[0]);
  };

  return (
    <Stack gap="md">
      <label
        htmlFor={id}
        className="dropzone"
        data-active={active}
        onDragOver={(event) => {
          event.preventDefault();
          setActive(true);
        }}
        onDragLeave={() => setActive(false)}
        onDrop={onDrop}
        style={{
          display: "block",
          position: "relative",
          cursor: loading ? "progress" : "pointer",
          padding: "48px 24px",
        }}
        data-testid="import-dropzone"
      >
        <Stack align="center" gap={6}>
          {loading ? (
            <Loader size="md" />
          ) : (
            <IconFileSpreadsheet size={36} stroke={1.4} color="var(--mantine-color-violet-6)" />
          )}
          <Text fw={600}>{loading ? t("import.reading") : t("import.drop")}</Text>
          <Text size="sm" c="dimmed" ta="center">
            {t("import.dropHelp")}
          </Text>
        </Stack>
        <input
          id={id}
          type="file"
          accept={ACCEPT}
          disabled={loading}
          onChange={(event) => {
            take(event.currentTarget.files?.[0]);
            event.currentTarget.value = "";
          }}
          style={{ position: "absolute", width: 1, height: 1, opacity: 0, overflow: "hidden" }}
          aria-label={t("import.chooseFile")}
          data-testid="import-file"
        />
      </label>
      {(wrongType || error) && (
        <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
          {wrongType ? t("import.wrongType") : error}
        </Alert>
      )}
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {t("import.tips")}
        </Text>
      </Group>
    </Stack>
  );
}
