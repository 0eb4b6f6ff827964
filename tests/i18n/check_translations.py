#!/usr/bin/env python3
"""Checks that a .ts file translates every text of the code, and translates it well enough to use.

Usage: check_translations.py LUPDATE TS_FILE SOURCE_DIR...

lupdate reads the code into a copy of TS_FILE (the committed file is left alone); then it fails on:
- a text with no translation (new in the code, or left unfinished) or one the code no longer has;
- a translation whose placeholders (%1..%99, %n) differ from its source's, which would show a
  value twice, drop it, or print "%2" to the operator;
- a menu accelerator (&F) lost, or a leading or trailing blank or line break changed, which would
  break the layout of the help and of the joined messages;
- any warning of lupdate (a tr() it cannot place).
"""
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r'%(?:\d{1,2}|n)')
ACCELERATOR = re.compile(r'&([^&\s])')


def accelerators(text):
    return [a.lower() for a in ACCELERATOR.findall(text.replace('&&', ''))]


def translations(message):
    node = message.find('translation')
    forms = node.findall('numerusform')
    return node, ([f.text or '' for f in forms] if forms else [node.text or ''])


def flaws(source, translation):
    found = []
    if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation)):
        found.append('placeholders %s become %s' % (sorted(PLACEHOLDER.findall(source)),
                                                     sorted(PLACEHOLDER.findall(translation))))
    if accelerators(source) != accelerators(translation):
        found.append('accelerator %s becomes %s' % (accelerators(source), accelerators(translation)))
    for name, test in (('leading blank', lambda s: s[:1].isspace()), ('trailing blank', lambda s: s[-1:].isspace()),
                       ('trailing line break', lambda s: s.endswith('\n'))):
        if test(source) != test(translation):
            found.append(name + ' differs')
    return found


def main():
    lupdate, ts_file, sources = sys.argv[1], sys.argv[2], sys.argv[3:]
    with tempfile.TemporaryDirectory() as work:
        copy = work + '/check.ts'
        shutil.copyfile(ts_file, copy)
        run = subprocess.run([lupdate, '-locations', 'none', '-silent', *sources, '-ts', copy],
                             capture_output=True, text=True, check=False)
        problems = [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]
        if run.returncode != 0:
            problems.append('lupdate exited with %d' % run.returncode)
        root = ET.parse(copy).getroot()
    total = 0
    for context in root.iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            source = message.findtext('source') or ''
            node, texts = translations(message)
            state = node.get('type')
            where = '%s: "%s"' % (name, source[:60].replace('\n', '\\n'))
            if state in ('vanished', 'obsolete'):
                problems.append('%s: no longer in the code' % where)
                continue
            total += 1
            if state == 'unfinished' or not all(t.strip() for t in texts):
                problems.append('%s: not translated' % where)
                continue
            for text in texts:
                problems.extend('%s: %s' % (where, flaw) for flaw in flaws(source, text))
    for problem in problems:
        print(problem)
    print('%s: %d texts, %d problems' % (ts_file, total, len(problems)))
    if problems:
        print('Run `cmake --build build --target update_translations`, then translate what is listed.')
    return 1 if problems or total == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
