"""wasm_share.py — code bytes per part of the bundle (each widget, the host, ImGui, JSON, libc…), read from a wasm
linked with --profiling-funcs (function names kept). Used by tools/bench-share.sh. A benchmark, not a test.
  python3 tools/wasm_share.py build/web/profile/p.wasm [--top N]
"""
import sys, re, collections
data = open(sys.argv[1], 'rb').read()
def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1; r |= (x & 0x7f) << s; s += 7
        if x < 0x80: return r, i
i = 8; sections = []
while i < len(data):
    sid = data[i]; i += 1; size, i = leb(data, i); sections.append((sid, i, size)); i += size
imports = 0; bodies = []; names = {}
for sid, off, size in sections:
    if sid == 2:
        n, j = leb(data, off)
        for _ in range(n):
            l, j = leb(data, j); j += l; l, j = leb(data, j); j += l
            kind = data[j]; j += 1
            if kind == 0: _, j = leb(data, j); imports += 1
            elif kind == 1: j += 1; fl, j = leb(data, j); _, j = leb(data, j); j = leb(data, j)[1] if fl & 1 else j
            elif kind == 2: fl, j = leb(data, j); _, j = leb(data, j); j = leb(data, j)[1] if fl & 1 else j
            elif kind == 3: j += 2
    if sid == 10:
        n, j = leb(data, off)
        for _ in range(n):
            sz, j2 = leb(data, j); bodies.append(sz); j = j2 + sz
    if sid == 0:
        l, j = leb(data, off); nm = data[j:j+l].decode(); j += l
        if nm == 'name':
            end = off + size
            while j < end:
                sub = data[j]; j += 1; ssz, j = leb(data, j); se = j + ssz
                if sub == 1:
                    n, k = leb(data, j)
                    for _ in range(n):
                        idx, k = leb(data, k); l, k = leb(data, k); names[idx] = data[k:k+l].decode('utf-8','replace'); k += l
                j = se
groups = collections.Counter(); top = []
for fi, sz in enumerate(bodies):
    name = names.get(fi + imports, '?')
    top.append((sz, name))
    g = 'other'
    for key, pat in [('cell-diagram', r'CellDiagram|cell_diagram'), ('hsct-timeline', r'Hsct|Timeline|TimeScale'),
                     ('risk-chart', r'RiskChart|risk_chart'), ('test-pattern', r'TestPattern'),
                     ('content model', r'content::|Checker|scw::content|ParseJsonText'), ('nlohmann_json', r'nlohmann'),
                     ('dear imgui', r'^ImGui|^Im[A-Z]|stbtt|stbrp|ImFont|ImDraw'),
                     ('host + ui', r'scw::|scw_|OnAnimationFrame|OnMouse|OnTouch|OnKey|OnWheel|OnFocus'),
                     ('libc/libc++', r'^std::|^(printf|vfprintf|fmt_|sscanf|strto|mem|malloc|free|emmalloc|__)')]:
        if re.search(pat, name): g = key; break
    groups[g] += sz
total = sum(bodies)
print('%-16s %9s %7s' % ('part', 'code B', 'share'))
for g, n in groups.most_common(): print('%-16s %9d %6.1f%%' % (g, n, 100.0 * n / total))
print('%-16s %9d' % ('all code', total))
if '--top' in sys.argv:
    print()
    for sz, name in sorted(top, reverse=True)[:int(sys.argv[sys.argv.index('--top') + 1])]: print('%7d %s' % (sz, name[:150]))
