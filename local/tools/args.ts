// Command-line options of the site commands: `--name value` pairs and bare flags.

/** The value after `--name`, if given. */
export function optionOf(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

export const hasFlag = (argv: readonly string[], name: string): boolean => argv.indexOf(name) >= 0;
