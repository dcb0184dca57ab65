declare module 'virtual:demo-vault' {
  const files: Record<string, string>;
  export default files;
}
