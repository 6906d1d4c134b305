'use strict';

const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

var getTasks = build.rig.getTasks;
build.rig.getTasks = function () {
  var result = getTasks.call(build.rig);

  result.set('serve', result.get('serve-deprecated'));

  return result;
};

// Our makeStyles calls are compiled to CSS at build time (Griffel's ahead-of-time transform), as Fluent UI's own
// components ship: the first screen then needs no runtime style compiler (stylis, rtl-css-js, Griffel's
// resolver), and the first render does not work out CSS from style objects (issue 18).
// https://griffel.js.org/react/ahead-of-time-compilation/with-webpack
build.configureWebpack.mergeConfig({
  additionalConfiguration: (config) => {
    config.module.rules.push({
      test: /\.js$/,
      include: [require('path').join(__dirname, 'lib')],
      use: { loader: '@griffel/webpack-loader' },
    });
    return config;
  },
});

build.initialize(require('gulp'));
