import { Command, CommanderError } from "commander";
import { consortiumCommands } from "./consortium.commands.js";
import { UsageError } from "./errors.js";
import { meetingCommands } from "./meetings.commands.js";
import { memberCommands } from "./members.commands.js";
import { reportCommands } from "./report.commands.js";

const program = new Command()
  .name("grappe")
  .description("Grappe's command line: works on the server's database (DATABASE_URL, or DATA_DIR's PGlite)")
  .exitOverride()
  .configureOutput({ writeErr: (text) => process.stderr.write(text) });
memberCommands(program);
meetingCommands(program);
reportCommands(program);
consortiumCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version exit 0; a missing option or unknown command is bad input.
    process.exit(error.exitCode === 0 ? 0 : 2);
  }
  if (error instanceof UsageError) {
    console.error(`grappe: ${error.message}`);
    process.exit(error.exitCode);
  }
  console.error(`grappe: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
