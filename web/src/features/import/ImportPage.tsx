import { Stack, Stepper } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImportPreview, ImportResult } from "../../api/types";
import { PageHeader } from "../../ui/PageHeader";
import { errorText, notifyError } from "../members/notify";
import { type MappingState, type OnExisting, usePreview, useRunImport } from "./api";
import { FileStep } from "./FileStep";
import { MappingStep } from "./MappingStep";
import { PastImports } from "./PastImports";
import { ReportStep } from "./ReportStep";

const suggested = (preview: ImportPreview): MappingState =>
  Object.fromEntries(
    preview.mapping.map((m) => [m.index, m.field ? { field: m.field, multiplier: m.multiplier, year: m.year } : null]),
  );

/** Import wizard: file → columns → report. Nothing is written before "Importer". */
export default function ImportPage() {
  const { t } = useTranslation();
  const previewFile = usePreview();
  const runImport = useRunImport();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<MappingState>({});
  const [onExisting, setOnExisting] = useState<OnExisting>("update");
  const [result, setResult] = useState<ImportResult | null>(null);
  const step = result ? 2 : preview ? 1 : 0;

  const choose = (chosen: File) => {
    setFile(chosen);
    previewFile.mutate(chosen, {
      onSuccess: (data) => {
        setPreview(data);
        setMapping(suggested(data));
      },
    });
  };
  const run = () => {
    if (!file) return;
    runImport.mutate({ file, mapping, onExisting }, { onSuccess: setResult, onError: notifyError });
  };
  const restart = () => {
    setFile(null);
    setPreview(null);
    setResult(null);
    previewFile.reset();
    runImport.reset();
  };

  return (
    <Stack gap="lg">
      <PageHeader title={t("import.title")} subtitle={t("import.subtitle")} />
      <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => s === 0 && restart()}>
        <Stepper.Step label={t("import.step1")} description={t("import.step1Help")}>
          <FileStep
            onFile={choose}
            loading={previewFile.isPending}
            error={previewFile.error ? errorText(previewFile.error) : null}
          />
        </Stepper.Step>
        <Stepper.Step label={t("import.step2")} description={t("import.step2Help")}>
          {preview && (
            <MappingStep
              preview={preview}
              mapping={mapping}
              onMappingChange={setMapping}
              onExisting={onExisting}
              onExistingChange={setOnExisting}
              onRun={run}
              onBack={restart}
              running={runImport.isPending}
            />
          )}
        </Stepper.Step>
        <Stepper.Step label={t("import.step3")} description={t("import.step3Help")}>
          {result && <ReportStep result={result} onRestart={restart} />}
        </Stepper.Step>
      </Stepper>
      <PastImports />
    </Stack>
  );
}
