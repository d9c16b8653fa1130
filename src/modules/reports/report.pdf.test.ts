import { describe, expect, it } from "vitest";
import type { ReportDocument } from "./report.document.js";
import { reportPdf } from "./report.pdf.js";

const pagesOf = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
const doc = (rows: number): ReportDocument => ({
  title: "Grappe — bilan d'activité 2025",
  subtitle: "Pour Saint-Étienne Métropole",
  footer: "Établi à partir des données enregistrées dans Grappe.",
  sections: [
    {
      key: "events",
      title: "Animation : événements",
      narrative: "Une année dense : 12 petits déjeuners, 20 000 € de subvention, œuvre commune.",
      paragraphs: ["13 événements tenus."],
      tables: [{ head: ["Type", "Tenus"], rows: Array.from({ length: rows }, (_, i) => [`Ligne ${i}`, `${i}`]) }],
    },
  ],
});

describe("the report PDF", () => {
  it("has as many pages as its content needs, the footer adding none", async () => {
    const short = await reportPdf(doc(3));
    expect(short.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pagesOf(short)).toBe(1);
    const long = await reportPdf(doc(150));
    // 150 rows of ~17 pt on A4 (≈ 740 pt of usable height) take 4 pages.
    expect(pagesOf(long)).toBe(4);
  });
});
