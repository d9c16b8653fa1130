import PDFDocument from "pdfkit";
import type { ReportDocument, ReportTable } from "./report.document.js";

// The standard PDF fonts are WinAnsi: French accents, € and œ are in it, the narrow no-break space
// that fr-FR number formatting uses is not.
const ansi = (text: string) => text.replace(/[\u202f\u2009]/g, " ");
const MARGIN = 50;

function toBuffer(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** A table as rows of cells, the first column wider; a row that would cross the page break moves on. */
function drawTable(doc: PDFKit.PDFDocument, table: ReportTable) {
  const width = doc.page.width - 2 * MARGIN;
  const columns = table.head.length;
  const first = columns > 1 ? Math.min(width * 0.42, width - (columns - 1) * 60) : width;
  const rest = columns > 1 ? (width - first) / (columns - 1) : 0;
  const widths = table.head.map((_, i) => (i === 0 ? first : rest));
  const row = (cells: string[], bold: boolean) => {
    doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(9);
    const height = Math.max(...cells.map((c, i) => doc.heightOfString(ansi(c), { width: widths[i] - 6 }))) + 6;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    if (bold) doc.rect(MARGIN, top, width, height).fill("#eef0f4").fillColor("black");
    cells.forEach((c, i) => {
      doc.text(ansi(c), x + 3, top + 3, { width: widths[i] - 6 });
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + width, top + height)
      .strokeColor("#d0d4dc")
      .lineWidth(0.5)
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  row(table.head, true);
  for (const cells of table.rows) row(cells, false);
  doc.moveDown(0.8);
}

/** The report as an A4 PDF: a title page heading, then each section with its narrative, text and tables. */
export function reportPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    info: { Title: ansi(report.title), Author: "Grappe" },
    lang: "fr-FR",
  });
  doc.font("Helvetica-Bold").fontSize(20).text(ansi(report.title));
  doc.moveDown(0.3).font("Helvetica").fontSize(12).fillColor("#52606d").text(ansi(report.subtitle)).fillColor("black");
  doc.moveDown(1);
  for (const section of report.sections) {
    if (doc.y > doc.page.height - MARGIN - 80) doc.addPage();
    doc.x = MARGIN;
    doc.font("Helvetica-Bold").fontSize(14).fillColor("#3b2fb0").text(ansi(section.title)).fillColor("black");
    doc.moveDown(0.3);
    if (section.narrative)
      doc.font("Helvetica").fontSize(10.5).text(ansi(section.narrative), { align: "justify" }).moveDown(0.4);
    for (const p of section.paragraphs) doc.font("Helvetica").fontSize(10.5).text(ansi(p)).moveDown(0.4);
    for (const table of section.tables) if (table.rows.length) drawTable(doc, table);
    doc.moveDown(0.6);
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Below the bottom margin pdfkit would start a new page for the footer: lift the margin while writing it.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font("Helvetica")
      .fontSize(8)
      .fillColor("#7b8794")
      .text(ansi(`${report.footer} — page ${i + 1}/${range.count}`), MARGIN, doc.page.height - MARGIN + 15, {
        width: doc.page.width - 2 * MARGIN,
        align: "center",
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  return toBuffer(doc);
}
