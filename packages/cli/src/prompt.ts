import { CliError } from "./config.js";

/**
 * A secret from standard input. At a terminal: a prompt, and the typed or pasted characters
 * are not echoed (raw mode; Enter ends, Ctrl-C cancels, Backspace erases). From a pipe: the
 * whole input, trimmed.
 */
export async function readSecret(question: string): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY) {
    let text = "";
    for await (const chunk of stdin) text += chunk;
    return text.trim();
  }
  stderr.write(`${question} `);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = () => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write("\n");
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") {
          finish();
          return resolve(value.trim());
        }
        if (char === "\u0003") {
          finish();
          return reject(new CliError("Cancelled", 130));
        }
        if (char === "\u007f" || char === "\b") value = value.slice(0, -1);
        else if (char >= " ") value += char;
      }
    };
    stdin.on("data", onData);
  });
}
