#!/usr/bin/env python3
"""Builds dist/stemcell-widgets-wordpress.zip: the WordPress plugin (wordpress/stemcell-widgets/) with the web
bundle (dist/stemcell-widgets.js, stemcell-widgets.wasm and stemcell-widgets.lean.wasm, the module for posts
without an explainer, which the loader finds beside the plugin's data-wasm address, and stemcell-widgets.extras.js,
which the loader fetches beside itself on first use of the keyboard help, the presenter toolbar, setState or the
image export) in assets/, and the Spanish built-in document (a shortcode or block with lang="es" and no content of
its own shows it). The zip's top folder is stemcell-widgets/."""
import os
import sys
import zipfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
plugin = os.path.join(root, 'wordpress', 'stemcell-widgets')
dist = os.path.join(root, 'dist')
out = os.path.join(dist, 'stemcell-widgets-wordpress.zip')

assets = ['stemcell-widgets.js', 'stemcell-widgets.wasm', 'stemcell-widgets.lean.wasm', 'stemcell-widgets.extras.js',
          # the built-in content in the languages the bundle does not embed: lang="es" alone shows Spanish
          'stemcell-explainer.es.json']
for a in assets:
    if not os.path.isfile(os.path.join(dist, a)):
        sys.exit(f'package-wordpress: dist/{a} is missing (build the web bundle first)')

tmp = out + '.tmp'
with zipfile.ZipFile(tmp, 'w', zipfile.ZIP_DEFLATED) as z:
    for dirpath, _, files in sorted(os.walk(plugin)):
        for f in sorted(files):
            full = os.path.join(dirpath, f)
            z.write(full, os.path.join('stemcell-widgets', os.path.relpath(full, plugin)))
    for a in assets:
        z.write(os.path.join(dist, a), 'stemcell-widgets/assets/' + a)
os.replace(tmp, out)
print(f'package-wordpress: {os.path.relpath(out, root)}')
