import type { UseFormReturnType } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { ApiError } from "../../api/client";
import i18n from "../../i18n";

export function notifySuccess(message: string) {
  notifications.show({ color: "teal", message, autoClose: 3000 });
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return i18n.t("errors.network");
    if (error.status >= 500) return i18n.t("errors.server");
    if (error.status === 422 && error.fields.length) return error.fields.map((f) => f.message).join(" ; ");
    return error.message || i18n.t("errors.unknown");
  }
  return i18n.t("errors.unknown");
}

export function notifyError(error: unknown) {
  notifications.show({ color: "red", title: i18n.t("errors.title"), message: errorText(error), autoClose: 6000 });
}

/**
 * Puts the server's 422 field messages under the matching inputs (`rename` maps API field names to form paths).
 * Returns the messages that matched no input, to show elsewhere; other errors are notified.
 */
// biome-ignore lint/suspicious/noExplicitAny: any form shape
export function applyServerErrors(form: UseFormReturnType<any>, error: unknown, rename: Record<string, string> = {}) {
  if (!(error instanceof ApiError) || error.fields.length === 0) {
    notifyError(error);
    return [] as string[];
  }
  const unmatched: string[] = [];
  const errors: Record<string, string> = {};
  for (const { field, message } of error.fields) {
    const path = rename[field] ?? field;
    if (path in form.getValues() || path.includes(".")) errors[path] = message;
    else unmatched.push(`${field} : ${message}`);
  }
  form.setErrors(errors);
  if (unmatched.length)
    notifications.show({ color: "red", title: i18n.t("errors.title"), message: unmatched.join("\n") });
  return unmatched;
}
