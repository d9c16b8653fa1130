import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ReportDocument, ReportTable } from "./report.document.js";

const border = { style: BorderStyle.SINGLE, size: 4, color: "D0D4DC" };
const borders = { top: border, bottom: border, left: border, right: border };

function table(t: ReportTable) {
  const cell = (text: string, head: boolean) =>
    new TableCell({
      borders,
      shading: head ? { type: ShadingType.CLEAR, color: "auto", fill: "EEF0F4" } : undefined,
      children: [new Paragraph({ children: [new TextRun({ text, bold: head, size: 18 })] })],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: t.head.map((h) => cell(h, true)) }),
      ...t.rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

/** The report as a Word document (Office Open XML): headings per section, narrative, text and tables. */
export async function reportDocx(report: ReportDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.title)] }),
    new Paragraph({ children: [new TextRun({ text: report.subtitle, color: "52606D" })] }),
  ];
  for (const section of report.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(section.title)] }));
    if (section.narrative) {
      for (const line of section.narrative.split(/\n{2,}/))
        children.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(line)] }));
    }
    for (const p of section.paragraphs) children.push(new Paragraph({ children: [new TextRun(p)] }));
    for (const t of section.tables) {
      if (!t.rows.length) continue;
      children.push(table(t), new Paragraph({ children: [] }));
    }
  }
  const doc = new Document({
    creator: "Grappe",
    title: report.title,
    styles: { default: { document: { run: { font: "Calibri", size: 21 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${report.footer} — page `, size: 16, color: "7B8794" }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: "7B8794" }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
