import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { activityReportFile } from "../modules/reports/report.export.js";
import { ReportQuerySchema } from "../modules/reports/reports.contract.js";
import { AppError } from "../server/errors.js";
import { cliContext, withCliDatabase } from "./database.js";
import { UsageError } from "./errors.js";

function asUsage(error: unknown): never {
  if (error instanceof AppError && error.status < 500) {
    throw new UsageError(
      error.fields.length
        ? error.fields.map((f) => `--${f.field === "funderId" ? "funder" : f.field}: ${f.message}`).join("; ")
        : error.message,
    );
  }
  throw error;
}

export function reportCommands(program: Command) {
  const report = program.command("report").description("Reports of a cluster");
  report
    .command("activity")
    .description("Write the activity report of a year (for a funder, or in general) as PDF or DOCX")
    .requiredOption("--cluster <slug>", "the cluster's slug")
    .requiredOption("--year <year>", "the calendar year, e.g. 2025")
    .option("--funder <id>", "the funder the report is for (its grants' targets and its narratives)")
    .requiredOption("--format <format>", "pdf | docx")
    .requiredOption("--out <file>", "the file to write")
    .action(async (options: { cluster: string; year: string; funder?: string; format: string; out: string }) => {
      if (!["pdf", "docx"].includes(options.format))
        throw new UsageError(`--format must be pdf or docx, not "${options.format}"`);
      if (!/^\d{4}$/.test(options.year))
        throw new UsageError(`--year must be a year such as 2025, not "${options.year}"`);
      const query = ReportQuerySchema.safeParse({ year: options.year, funderId: options.funder });
      if (!query.success)
        throw new UsageError(
          query.error.issues
            .map((i) => `--${i.path[0] === "funderId" ? "funder" : i.path.join(".")}: ${i.message}`)
            .join("; "),
        );
      await withCliDatabase(async (database) => {
        const ctx = await cliContext(database, options.cluster);
        const file = await activityReportFile(ctx, query.data, options.format as "pdf" | "docx").catch(asUsage);
        writeFileSync(options.out, file.body);
        console.error(`Activity report ${query.data.year} written to ${options.out} (${file.body.length} bytes)`);
      });
    });
}
