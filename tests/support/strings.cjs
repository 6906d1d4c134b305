// SPFx loc files are AMD modules (define([], function () { return {...}; })).
// Jest loads the same file the web part ships, so tests see the real strings.
const fs = require('fs');
const path = require('path');

const source = fs.readFileSync(path.join(__dirname, '../../src/loc/en-us.js'), 'utf8');
let strings;
// eslint-disable-next-line no-new-func
new Function('define', source)((_deps, factory) => { strings = factory(); });
module.exports = strings;
