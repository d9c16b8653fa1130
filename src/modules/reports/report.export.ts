import type { ClusterContext } from "../../server/context.js";
import { reportDocument } from "./report.document.js";
import { reportDocx } from "./report.docx.js";
import { reportPdf } from "./report.pdf.js";
import { DOCX, PDF, type ReportQuery } from "./reports.contract.js";
import { activityReport } from "./reports.service.js";

const fileSafe = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase() || "bilan";

/** The activity report as a file (the API's downloads and `grappe report activity` write the same bytes). */
export async function activityReportFile(
  ctx: ClusterContext,
  query: ReportQuery,
  format: "pdf" | "docx",
  now = new Date(),
) {
  const report = await activityReport(ctx, query, now);
  const document = reportDocument(report);
  const body = format === "pdf" ? await reportPdf(document) : await reportDocx(document);
  const who = report.funder ? `-${fileSafe(report.funder.name)}` : "";
  return {
    body,
    contentType: format === "pdf" ? PDF : DOCX,
    fileName: `bilan-${fileSafe(report.cluster.name)}-${report.year}${who}.${format}`,
  };
}
