import type { TFunction } from "i18next";
import type { Programme } from "./api";
import { programmesFr } from "./i18n";

type StandardCode = keyof typeof programmesFr.standard;

/**
 * A programme's name in the interface language: a standard programme still under its default (French) name
 * is shown translated; a renamed or staff-defined one keeps the name staff gave it.
 */
export function programmeName(programme: Pick<Programme, "code" | "name">, t: TFunction): string {
  const code = programme.code as StandardCode | null;
  if (code && code in programmesFr.standard && programmesFr.standard[code] === programme.name)
    return t(`programmes.standard.${code}`);
  return programme.name;
}
