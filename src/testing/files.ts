import iconv from "iconv-lite";

/** A CSV as Excel-FR writes it: semicolons, CRLF, Windows-1252. */
export function windows1252Csv(rows: string[][]): Uint8Array {
  const text = rows
    .map((r) => r.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(";"))
    .join("\r\n");
  return new Uint8Array(iconv.encode(text, "win1252"));
}

export function multipart(fields: Record<string, string | { name: string; data: Uint8Array }>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === "string") form.append(key, value);
    else form.append(key, new File([value.data as Uint8Array<ArrayBuffer>], value.name));
  }
  return form;
}
