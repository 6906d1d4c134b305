// The hub's words for the local server's bundle: src/loc/en-us.js is an SPFx AMD module, so it is run with
// a `define` that keeps what it returns (the page's build and the tests load the same file their own way).
let strings;
globalThis.define = (_deps, factory) => {
  strings = factory();
};
require('../src/loc/en-us.js');
delete globalThis.define;
module.exports = strings;
