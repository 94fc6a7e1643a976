/** asl-validator 4 ships no type declarations; load.ts describes the part it uses. */
declare module 'asl-validator' {
  const validator: (definition: unknown, options?: { checkPaths?: boolean; checkArn?: boolean }) => unknown;
  export default validator;
}
