describe('toolchain', () => {
  it('runs every npm script on the Node 22 that SPFx supports', () => {
    expect(Number(process.versions.node.split('.')[0])).toBe(22);
  });
});
