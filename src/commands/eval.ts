/** `clerk-agent eval`: the eval harness lives in evals/; this only hands it the arguments and the environment. */

/** Run the eval suite; returns the exit code (0 ok, 1 below threshold or forbidden mutation, 2 usage error). */
export async function run(argv: string[]): Promise<number> {
  const { runEvalCli } = await import('../../evals/src/cli.js');
  return runEvalCli(argv, process.env);
}
