import { NumberInput, type NumberInputProps } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** An amount in euros typed the local way ("12 500,50 €" in French); the API counts cents. */
export function EurosInput(props: NumberInputProps) {
  const { i18n } = useTranslation();
  const french = !i18n.language.startsWith("en");
  return (
    <NumberInput
      min={0}
      decimalScale={2}
      decimalSeparator={french ? "," : "."}
      thousandSeparator={french ? " " : ","}
      suffix=" €"
      {...props}
    />
  );
}

/** "" (left empty) → null; 12.5 → 1250. */
export const toCents = (euros: number | string): number | null =>
  euros === "" || euros === null || euros === undefined ? null : Math.round(Number(euros) * 100);

export const toEuros = (cents: number | null | undefined): number | string => (cents == null ? "" : cents / 100);
