/** Types for scripts/doctor.mjs (plain JavaScript so Node 20 can run it before the Node bootstrap). */
export type PackageNames = { apt: string; dnf: string; brew: string | null };
export type Tool = {
  id: string;
  purpose: string;
  browser?: boolean;
  probe?: [string, string[]];
  alternatives?: string[];
  exportAs?: string;
  /** Where the version is in the probe's output, when it is not the first line. */
  versionPattern?: RegExp;
  packages: PackageNames;
  note?: string;
};
export type Finding = { tool: Tool; present: boolean; version?: string; path?: string; source?: string; problem?: string };
export type DoctorSystem = {
  platform: string;
  env: Record<string, string | undefined>;
  isRoot: boolean;
  home: string;
  run(command: string, args: string[]): { status: number | null; output: string };
  runVisible(command: string, args: string[]): number;
  isExecutable(path: string): boolean;
  readText(path: string): string | null;
  list(dir: string): string[];
  which(name: string): string | null;
};
export type Decision = { action: 'ready' } | { action: 'install'; sudo: string | null; packages: string[] } | { action: 'stop'; missing: Finding[] };

export const TOOLS: Tool[];
export function realSystem(): DoctorSystem;
export function survey(system: DoctorSystem, tools?: Tool[]): Finding[];
export function decide(findings: Finding[], system: DoctorSystem, options?: { allowInstall?: boolean }): Decision;
export function installCommands(missing: Finding[]): string[];
export function runDoctor(options?: {
  system?: DoctorSystem;
  allowInstall?: boolean;
  log?: (line: string) => void;
  error?: (line: string) => void;
}): Record<string, string> | null;
