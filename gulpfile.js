// Copies what tsc does not: icons and codex files, next to the compiled nodes and credentials.
const { src, dest } = require('gulp');

function buildAssets() {
	return src(['icons/**/*.svg', 'nodes/**/*.{svg,png,json}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = buildAssets;
