#!/usr/bin/env python3
"""Lines per top-level function (or struct/class body) in C++ files, longest first.

  python3 tools/function_lengths.py widgets/hsct_timeline*.cpp            # all, longest first
  python3 tools/function_lengths.py --max 120 widgets/*.cpp widgets/ui/*.cpp  # exit 1 if any is longer

A definition is any brace block opened at namespace level; its length runs from the line of its name to the
closing brace. Namespace blocks themselves do not count. Comments and string literals are skipped.
"""
import re
import sys


def strip(src):
    # Blank out comments and string/char literals, keeping line breaks.
    out, i, n = [], 0, len(src)
    while i < n:
        c = src[i]
        if src.startswith('//', i):
            j = src.find('\n', i)
            j = n if j < 0 else j
            i = j
        elif src.startswith('/*', i):
            j = src.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append('\n' * src.count('\n', i, j))
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == '\\' else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def functions(path):
    text = strip(open(path, encoding='utf-8').read())
    lines = text.split('\n')
    stack, found = [], []   # stack: (kind, start line[, name])
    for ln, line in enumerate(lines, 1):
        for m in re.finditer(r'[{}]', line):
            if m.group() == '{':
                before = line[:m.start()]
                if re.match(r'\s*(inline\s+)?namespace\b', before):
                    stack.append(('ns', ln))
                    continue
                if all(e[0] == 'ns' for e in stack):
                    # the definition starts at the first line of its signature: walk back over continuation lines
                    start = ln
                    while start > 1 and lines[start - 2].strip() and not re.search(r'[;{}]\s*$', lines[start - 2]):
                        start -= 1
                    name = re.sub(r'\s+', ' ', ' '.join(l.strip() for l in lines[start - 1:ln])).split('(')[0]
                    stack.append(('fn', start, name))
                else:
                    stack.append(('in', ln))
            else:
                if not stack:
                    continue
                top = stack.pop()
                if top[0] == 'fn':
                    found.append((ln - top[1] + 1, top[2].strip()[-70:], path, top[1]))
    return found


def main(argv):
    limit = None
    if argv and argv[0] == '--max':
        limit, argv = int(argv[1]), argv[2:]
    rows = []
    for p in argv:
        rows += functions(p)
    rows.sort(reverse=True)
    shown = [r for r in rows if limit is None or r[0] > limit] if limit else rows[:25]
    for n, name, path, line in shown:
        print(f'{n:5d}  {path}:{line}  {name}')
    if limit is not None:
        print(f'{len(shown)} definition(s) over {limit} lines' if shown else f'none over {limit} lines')
        return 1 if shown else 0
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
