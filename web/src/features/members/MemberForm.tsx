import { Alert, Box, Button, Group, Stack } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ApiError } from "../../api/client";
import type { Member } from "../../api/types";
import { useCluster } from "../auth/cluster";
import { useCreateMember, useUpdateMember } from "./api";
import {
  changedInput,
  type MemberFormValues,
  memberValidators,
  serverFieldToInput,
  toFormValues,
  toInput,
} from "./formModel";
import { ActivitySection, ContactFormSection, FiguresFormSection, IdentitySection } from "./MemberFormSections";
import { MembershipFormSection, VisibilityFormSection } from "./MembershipFormSections";
import { applyServerErrors, errorText, notifySuccess } from "./notify";

interface Props {
  /** The member being edited, or null to create one. */
  member: Member | null;
  /** Staff: membership fields and kind. */
  staff: boolean;
  onSaved: (member: Member) => void;
  onCancel?: () => void;
  /** Reloads the member after a 409 (someone else saved first). */
  onReload?: () => Promise<Member | undefined>;
}

/** Create and edit a member: same form, inline checks mirroring the server, server errors under their inputs. */
export function MemberForm({ member, staff, onSaved, onCancel, onReload }: Props) {
  const { t } = useTranslation();
  const create = useCreateMember();
  const update = useUpdateMember(member?.id ?? "");
  const [base, setBase] = useState(member);
  const [conflict, setConflict] = useState<{
    message: string;
    stale: boolean;
    duplicate?: { id: string; name: string | null };
  } | null>(null);
  const cluster = useCluster();
  const validators = memberValidators(t);
  const form = useForm<MemberFormValues>({
    initialValues: toFormValues(member),
    validate: validators,
    validateInputOnBlur: true,
  });
  const pending = create.isPending || update.isPending;
  const townLabel = base?.town ? `${base.town}${base.department ? ` (${base.department})` : ""}` : null;

  const handleError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) {
      // A stale version (someone saved first) can be reloaded; a duplicate links to the other member.
      const stale = error.fields.some((f) => f.field === "version");
      const field = error.fields.find((f) => f.field !== "version");
      if (field && field.field in form.getValues()) form.setFieldError(field.field, field.message);
      const { duplicateId, duplicateName } = error.details;
      const duplicate =
        typeof duplicateId === "string"
          ? { id: duplicateId, name: typeof duplicateName === "string" ? duplicateName : null }
          : undefined;
      setConflict({ message: errorText(error), stale, duplicate });
      window.scrollTo({ top: 0, behavior: "smooth" });
      return;
    }
    applyServerErrors(form, error, serverFieldToInput);
  };

  const submit = form.onSubmit(
    (values) => {
      setConflict(null);
      const input = toInput(values, staff);
      if (!base) {
        create.mutate(input, {
          onSuccess: (created) => {
            notifySuccess(t("form.created", { name: created.legalName }));
            onSaved(created);
          },
          onError: handleError,
        });
        return;
      }
      const changes = changedInput(toInput(toFormValues(base), staff), input);
      if (Object.keys(changes).length === 0) {
        notifySuccess(t("form.noChange"));
        onSaved(base);
        return;
      }
      update.mutate(
        { ...changes, version: base.version },
        {
          onSuccess: (saved) => {
            notifySuccess(t("form.saved", { name: saved.legalName }));
            setBase(saved);
            form.setInitialValues(toFormValues(saved));
            form.resetDirty(toFormValues(saved));
            onSaved(saved);
          },
          onError: handleError,
        },
      );
    },
    () => {
      // Bring the first invalid input into view.
      requestAnimationFrame(() => document.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
    },
  );

  const reload = async () => {
    const fresh = await onReload?.();
    if (fresh) {
      setBase(fresh);
      form.setValues(toFormValues(fresh));
      form.resetDirty(toFormValues(fresh));
      setConflict(null);
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="member-form" style={{ maxWidth: 1040 }}>
      <Stack gap="md">
        {conflict && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle size={18} />}
            title={conflict.stale ? t("form.conflictTitle") : t("form.duplicateTitle")}
            role="alert"
            data-testid="member-conflict"
          >
            <Stack gap="xs" align="flex-start">
              <div>{conflict.message}</div>
              {conflict.duplicate && (
                <Button
                  size="xs"
                  variant="default"
                  component={Link}
                  to={cluster.path(`members/${conflict.duplicate.id}`)}
                  data-testid="member-duplicate-link"
                >
                  {conflict.duplicate.name
                    ? t("form.openDuplicateNamed", { name: conflict.duplicate.name })
                    : t("form.openDuplicate")}
                </Button>
              )}
              {conflict.stale && base && onReload && (
                <Button size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={reload}>
                  {t("form.reload")}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        <IdentitySection form={form} staff={staff} nafLabel={base?.nafLabel ?? null} />
        <ActivitySection form={form} staff={staff} />
        <ContactFormSection form={form} townLabel={townLabel} />
        <FiguresFormSection form={form} />
        {staff && (
          <MembershipFormSection
            form={form}
            memberId={base?.id ?? null}
            sponsorName={base?.membership?.sponsor?.name ?? null}
          />
        )}
        <VisibilityFormSection form={form} />
        <Box
          pos="sticky"
          bottom={0}
          py="sm"
          bg="white"
          style={{ borderTop: "1px solid var(--mantine-color-gray-2)", zIndex: 5 }}
        >
          <Group justify="flex-end">
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t("common.cancel")}
              </Button>
            )}
            <Button type="submit" loading={pending} data-testid="member-save">
              {base ? t("common.save") : t("form.create")}
            </Button>
          </Group>
        </Box>
      </Stack>
    </form>
  );
}
