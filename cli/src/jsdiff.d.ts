// diff (jsdiff) 7 ships no types; the one function the CLI uses (unifiedDiff.ts), as its README documents it.
declare module 'diff' {
  export function createTwoFilesPatch(
    oldFileName: string,
    newFileName: string,
    oldStr: string,
    newStr: string,
    oldHeader?: string,
    newHeader?: string,
    options?: { context?: number },
  ): string;
}
