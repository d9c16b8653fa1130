import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { exportMembers } from "../modules/members/export.service.js";
import { importMembers, rejectedRowsFile } from "../modules/members/import.service.js";
import { DirectoryQuerySchema } from "../modules/members/members.contract.js";
import { AppError } from "../server/errors.js";
import { cliContext, withCliDatabase } from "./database.js";
import { UsageError } from "./errors.js";

function asUsage(error: unknown): never {
  if (error instanceof AppError && error.status < 500) {
    throw new UsageError(
      error.fields.length ? error.fields.map((f) => `${f.field}: ${f.message}`).join("; ") : error.message,
    );
  }
  throw error;
}

export function memberCommands(program: Command) {
  const importCmd = program.command("import").description("Import data into a cluster");
  importCmd
    .command("members")
    .description("Import members from an .xlsx or .csv file; every row is imported or reported with its reasons")
    .argument("<file>", "the spreadsheet")
    .requiredOption("--cluster <slug>", "the cluster's slug")
    .option("--on-existing <mode>", "a row matching a member by SIREN or name: update | reject", "update")
    .option(
      "--rejected <file>",
      "write the rejected rows (with reasons) to this .xlsx or .csv, to fix and import again",
    )
    .action(async (file: string, options: { cluster: string; onExisting: string; rejected?: string }) => {
      if (!existsSync(file)) throw new UsageError(`File not found: ${file}`);
      if (!["update", "reject"].includes(options.onExisting))
        throw new UsageError(`--on-existing must be "update" or "reject", not "${options.onExisting}"`);
      const rejectedFormat = options.rejected?.toLowerCase().endsWith(".csv") ? "csv" : "xlsx";
      await withCliDatabase(async (database) => {
        const ctx = await cliContext(database, options.cluster);
        const started = Date.now();
        const result = await importMembers(ctx, {
          buffer: new Uint8Array(readFileSync(file)),
          fileName: basename(file),
          onExisting: options.onExisting as "update" | "reject",
        }).catch(asUsage);
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        console.error(
          `${result.total} rows read in ${seconds} s: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.rejected.length} rejected.`,
        );
        for (const row of result.rejected) console.error(`  row ${row.row}: ${row.reasons.join("; ")}`);
        if (options.rejected && result.rejected.length) {
          const out = await rejectedRowsFile(ctx, result.runId, rejectedFormat);
          writeFileSync(options.rejected, out.body);
          console.error(`Rejected rows written to ${options.rejected}`);
        }
      });
    });

  const exportCmd = program.command("export").description("Export data from a cluster");
  exportCmd
    .command("members")
    .description("Export the member directory (optionally filtered) as CSV or XLSX")
    .requiredOption("--cluster <slug>", "the cluster's slug")
    .option("--format <format>", "csv | xlsx", "csv")
    .option("--out <file>", "write to this file instead of standard output")
    .option("--q <text>", "full-text search, as in the directory")
    .option("--status <list>", "membership statuses, comma-separated: member,prospect,former")
    .action(async (options: { cluster: string; format: string; out?: string; q?: string; status?: string }) => {
      if (!["csv", "xlsx"].includes(options.format))
        throw new UsageError(`--format must be csv or xlsx, not "${options.format}"`);
      if (options.format === "xlsx" && !options.out && process.stdout.isTTY)
        throw new UsageError("An XLSX export is binary: give --out FILE or redirect standard output");
      const query = DirectoryQuerySchema.safeParse({ q: options.q, status: options.status, pageSize: 100 });
      if (!query.success)
        throw new UsageError(query.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
      await withCliDatabase(async (database) => {
        const ctx = await cliContext(database, options.cluster);
        const file = await exportMembers(ctx, query.data, options.format as "csv" | "xlsx").catch(asUsage);
        if (options.out) {
          writeFileSync(options.out, file.body);
          console.error(`Exported to ${options.out}`);
        } else process.stdout.write(file.body);
      });
    });
}
